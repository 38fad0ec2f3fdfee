"""Safe wording: terms that pages may not publish, and terms that earn a warning.

The list is a snippet moderators keep (Settings > Wording rules). Refused terms block
every way a page goes live: the page form (publish, schedule, submit, approve from the
editor), the moderators' approval task, bulk publishing and `publish_scheduled`. Warned
terms show in the editor's Checks panel and never block.
"""
