"""The one door to the model: every LLM call of the app goes through `shared.llm.structured`.

Nothing is imported here, so `import shared.llm.errors` stays free of `openai` (cold start).
"""
