"""Pure functions from the catalog to Markdown, HTML and Mermaid text. No MkDocs here."""
