"""AI ticket triage: the Azure Functions app package."""

__version__ = "0.2.0"
