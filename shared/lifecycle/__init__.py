"""One ticket's life, as pure decisions over typed values (no I/O here).

The walk from the timer to a comment: `shared.scan.run_scan` reads each searched issue into a
`Ticket` once and hands it to `shared.triage.Triage.run`, which
- asks `claims` whether to work on it now (fingerprint, lease) and claims its ledger row;
- resolves one `policy.WritePolicy` (rollout mode, pilot, force, holdout, dry run);
- judges it (the analyzer) and plans the writes (`policy.plan_actions`);
- writes the intent, asks once (Jira), labels (Jira), and records the verdict;
each change of the row is a method of `record.LedgerRecord`, and `results` says what happened.
"""
