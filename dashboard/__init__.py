"""App-side helpers shared by every page: warehouse access, URL state, charts and footers."""
