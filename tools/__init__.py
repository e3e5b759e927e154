"""Local tools: the CLI (`python -m tools scan|analyze|report|eval`), the eval bench, the local report
runner and the learned layer's trainer.

Never deployed (`.funcignore` leaves `tools` out), so they may import `sandbox`; the app in `shared/`
must not import them (tests/infra/test_deploy_boundary.py holds that line).
"""
