"""The sidebar pages of the main window, one module per page."""
