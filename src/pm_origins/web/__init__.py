"""The pm-origins Django site: settings, URLs and one app per area."""
