"""Code shared by the plugins that is not a plugin itself: problem reporting, settings helpers."""
