"""The site's Python code, in layers that depend one way only:

  source/   reading and validating data files (strict YAML, JSON Schema, error reports)
  model/    typed records of the data, each section with its loader (model/sections/)
  views/    pure functions: catalog -> Markdown, HTML, Mermaid, JSON (views/sections/)
  publish/  the files the data makes: pages, JSON, drawings, link previews
  engine/   the thin MkDocs adapter (hooks, and define_env for mkdocs-macros)
  tools/    developer commands (drawing diagrams, checking facts against the registries)

mkdocs-macros imports this package and calls `define_env`.
"""


def define_env(env):
    from .engine.mkdocs_macros import define_env as define

    define(env)
