# Shared fixtures live in tests/fixtures/, one module per stage, so each stage's owner edits only its own.
pytest_plugins = ["tests.fixtures.data", "tests.fixtures.bundle", "tests.fixtures.server", "tests.fixtures.jack"]
