-- a file is reviewed once: a programme's population leaves out the files another programme drew (looked up by act)
create index sv_review_file_act on sv_review_file (act_id);
