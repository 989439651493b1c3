"""Publishing: the files of the site made from the data (generated pages, JSON, drawings, link
previews), for any engine that reads Markdown, and the command that writes them to a folder."""
