-- The demo data's load marker belongs to the demo module (it was created beside the accounts in V4).
alter table demo_load rename to demo_marker;
