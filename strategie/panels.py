"""The places on the strategy's pages where apps on upper floors show what they know
(cms.item_hooks)."""

# A project's state (its latest report, its milestones) on its field's page.
PROJECT_STATUS = "strategie_project_status"
