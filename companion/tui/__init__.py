"""The Textual app. Imported only when the TUI is opened."""
