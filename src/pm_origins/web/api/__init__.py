"""The JSON API at /api/v1/ and the personal API tokens that open it."""
