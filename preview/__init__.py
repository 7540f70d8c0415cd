"""The writer's preview: builds that replace ``output/`` only when they succeed, a local server
that reloads the browser, and live reload that shows an edited page first.

- :mod:`.builds`: a build in a fresh folder, then only the changed files onto ``output/``;
- :mod:`.server`: ``output/`` over HTTP, with a reload signal for open pages;
- :mod:`.live`: what to rebuild when a file changes (``invoke livereload``).
"""
