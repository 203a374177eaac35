"""Fixtures for the hardening tests (failure of services, headers, lockout, redirects)."""
