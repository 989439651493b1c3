"""Data for the site: loading and validation, views, page generation, and the MkDocs glue.

mkdocs-macros imports this package and calls `define_env`.
"""


def define_env(env):
    from .macros_env import define_env as define

    define(env)
