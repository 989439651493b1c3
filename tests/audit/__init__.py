"""Quality audits of the built site: page types, a bare Material baseline, Lighthouse."""
