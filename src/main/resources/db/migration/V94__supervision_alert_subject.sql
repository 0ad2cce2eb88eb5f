-- Every evaluation of the alert rules reads the alerts of its act (or document) by subject; the only index naming the
-- subject (sv_alert_once) starts with the rule, so that read scanned every alert: 0.2–0.3 ms at a few thousand alerts,
-- growing with all of them (a million at province scale).
create index sv_alert_subject on sv_alert (subject_kind, subject_id);
