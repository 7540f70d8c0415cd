"""Code shared by the plugins that is not a plugin itself.

The tier model (``tipdata``, ``tiers``), problem reporting (``problems``), a Markdown header
reader with line numbers (``header``), slugs and HTML serialization (``text``), and merging
a plugin's default settings (``settings``).
"""
