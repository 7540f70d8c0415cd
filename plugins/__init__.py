"""The site's own Pelican plugins, one package per concern (see each package's docstring)."""
