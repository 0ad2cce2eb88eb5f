package zhifa.casework.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.casework.CaseEvidence.Evidence;
import zhifa.casework.CaseEvidence.Preservation;
import zhifa.casework.CaseEvidence.Transcript;
import zhifa.casework.EvidenceType;

/** Evidence ({@code case_evidence}), transcripts ({@code case_transcript}) and 先行登记保存 ({@code case_preservation}). */
@Repository
public class EvidenceRows {

	private final NamedParameterJdbcTemplate jdbc;

	EvidenceRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long insertEvidence(long caseId, EvidenceType type, String title, String fileName, String contentType, Long size, String sm3,
			LocalDate collectedOn, String collectedBy, String note, Instant at) {
		return jdbc.queryForObject("""
				insert into case_evidence (case_id, type, title, file_name, content_type, size_bytes, sm3, collected_on, collected_by, note, created_at)
				values (:c, :t, :ti, :fn, :ct, :sz, :h, :d, :by, :n, :now) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("t", type.name()).addValue("ti", title).addValue("fn", fileName)
					.addValue("ct", contentType).addValue("sz", size).addValue("h", sm3).addValue("d", collectedOn).addValue("by", collectedBy)
					.addValue("n", note).addValue("now", Timestamp.from(at)),
				Long.class);
	}

	public List<Evidence> evidence(long caseId) {
		return jdbc.query("select * from case_evidence where case_id = :c order by id", Map.of("c", caseId),
				(rs, i) -> new Evidence(rs.getLong("id"), EvidenceType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("file_name"),
						rs.getString("content_type"), (Long) rs.getObject("size_bytes"), rs.getString("sm3"), rs.getDate("collected_on").toLocalDate(),
						rs.getString("collected_by"), rs.getString("note")));
	}

	public boolean hasEvidenceOfType(long caseId, EvidenceType type) {
		return jdbc.queryForObject("select count(*) from case_evidence where case_id = :c and type = :t", Map.of("c", caseId, "t", type.name()),
				Long.class) > 0;
	}

	public long insertTranscript(long caseId, String kind, LocalDate heldOn, String place, String subject, String officers, String content,
			String createdBy, Instant at) {
		return jdbc.queryForObject("""
				insert into case_transcript (case_id, kind, held_on, place, subject, officers, content, created_by, created_at)
				values (:c, :k, :d, :p, :s, :o, :t, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("k", kind).addValue("d", heldOn).addValue("p", place).addValue("s", subject)
					.addValue("o", officers).addValue("t", content).addValue("by", createdBy).addValue("now", Timestamp.from(at)),
				Long.class);
	}

	public List<Transcript> transcripts(long caseId) {
		return jdbc.query("select * from case_transcript where case_id = :c order by held_on, id", Map.of("c", caseId),
				(rs, i) -> new Transcript(rs.getLong("id"), rs.getString("kind"), rs.getDate("held_on").toLocalDate(), rs.getString("place"),
						rs.getString("subject"), rs.getString("officers"), rs.getString("content"), rs.getString("created_by"),
						rs.getTimestamp("created_at").toInstant()));
	}

	/** A 先行登记保存 taken by the officers {@code officers} (ids and names, in the same order). */
	public long insertPreservation(long caseId, String items, String approvedBy, LocalDate appliedOn, Map<Long, String> officers, String createdBy,
			Instant at) {
		return jdbc.queryForObject("""
				insert into case_preservation (case_id, items, approved_by, applied_on, created_by, created_at, notice_due, officer_ids, officers)
				values (:c, :i, :a, :d, :by, :now, true, cast(:oi as bigint[]), cast(:on as text[])) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("i", items).addValue("a", approvedBy).addValue("d", appliedOn)
					.addValue("by", createdBy).addValue("now", Timestamp.from(at))
					.addValue("oi", officers.keySet().toArray(Long[]::new)).addValue("on", officers.values().toArray(String[]::new)),
				Long.class);
	}

	public void closePreservation(long id, LocalDate on, String outcome) {
		jdbc.update("update case_preservation set closed_on = :d, outcome = :o where id = :id", Map.of("d", on, "o", outcome, "id", id));
	}

	public List<Preservation> preservations(long caseId) {
		return jdbc.query("select * from case_preservation where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> preservation(rs));
	}

	public Map<Long, List<Preservation>> preservations(java.util.Collection<Long> caseIds) {
		Map<Long, List<Preservation>> all = new java.util.HashMap<>();
		if (!caseIds.isEmpty()) {
			jdbc.query("select p.* from unnest(cast(:ids as bigint[])) as k(id) cross join lateral (select * from case_preservation where case_id = k.id offset 0) p "
					+ "order by p.case_id, p.id", Map.of("ids", TimerRows.caseIds(caseIds)),
					(java.sql.ResultSet rs) -> {
						all.computeIfAbsent(rs.getLong("case_id"), k -> new java.util.ArrayList<>()).add(preservation(rs));
					});
		}
		return all;
	}

	private static Preservation preservation(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Preservation(rs.getLong("id"), rs.getString("items"), rs.getString("approved_by"), rs.getDate("applied_on").toLocalDate(),
				CaseRows.date(rs, "closed_on"), rs.getString("outcome"), rs.getBoolean("notice_due"),
				rs.getArray("officers") == null ? List.of() : List.of((String[]) rs.getArray("officers").getArray()));
	}
}
