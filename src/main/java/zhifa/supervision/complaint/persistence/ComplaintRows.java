package zhifa.supervision.complaint.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.shared.DataScope;
import zhifa.shared.Page;
import zhifa.shared.StaleWrite;
import zhifa.supervision.complaint.Complaint;
import zhifa.supervision.complaint.ComplaintCategory;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintStatus;
import zhifa.supervision.complaint.Satisfaction;

/** The complaints' rows ({@code sv_complaint}, {@code sv_complaint_case}); bodies, matters and cases through their published views. */
@Repository
public class ComplaintRows {

	private static final String SELECT = """
			select c.*, sb.name as sb_name, ab.name as ab_name, jb.name as jb_name, m.name as m_name
			from sv_complaint c join body_view sb on sb.id = c.supervising_body_id
			left join body_view ab on ab.id = c.assigned_body_id
			left join body_view jb on jb.id = c.subject_body_id
			left join matter_view m on m.id = c.matter_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	ComplaintRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A new complaint with its personal data already encrypted. */
	public record NewComplaint(ComplaintChannel channel, ComplaintCategory category, boolean enterpriseRelated, String orderNo,
			long supervisingBodyId, Long subjectBodyId, Long matterId, String name, String phoneCipher, String phoneKey, String phoneMasked,
			String idCipher, String title, String content, LocalDate receivedOn, boolean demo) {
	}

	/** A body as the complaints need it (from {@code body_view}). */
	public record BodyRef(long id, String name, String regionPath, boolean supervisory) {
	}

	/**
	 * Inserts the complaint with a fresh receipt number; an order number the hotline sent before inserts nothing and
	 * gives empty.
	 */
	public Optional<Long> insert(NewComplaint n) {
		long id = jdbc.getJdbcTemplate().queryForObject("select nextval('sv_complaint_id_seq')", Long.class);
		String receipt = "TS" + n.receivedOn().toString().replace("-", "") + String.format("%06d", id);
		var p = new MapSqlParameterSource().addValue("id", id).addValue("r", receipt).addValue("ch", n.channel().name())
			.addValue("cat", n.category().name()).addValue("ent", n.enterpriseRelated()).addValue("o", n.orderNo())
			.addValue("sb", n.supervisingBodyId()).addValue("jb", n.subjectBodyId()).addValue("m", n.matterId()).addValue("n", n.name())
			.addValue("pc", n.phoneCipher()).addValue("pk", n.phoneKey()).addValue("pm", n.phoneMasked()).addValue("ic", n.idCipher())
			.addValue("t", n.title()).addValue("ct", n.content()).addValue("d", n.receivedOn()).addValue("demo", n.demo());
		return jdbc.queryForList("""
				insert into sv_complaint (id, receipt_no, channel, category, enterprise_related, hotline_order_no, supervising_body_id,
				  subject_body_id, matter_id, complainant_name, phone_cipher, phone_key, phone_masked, id_number_cipher, title, content,
				  received_on, status, demo)
				values (:id, :r, :ch, :cat, :ent, :o, :sb, :jb, :m, :n, :pc, :pk, :pm, :ic, :t, :ct, :d, 'RECEIVED', :demo)
				on conflict (hotline_order_no) do nothing returning id""", p, Long.class).stream().findFirst();
	}

	public Optional<Long> idByOrderNo(String orderNo) {
		return jdbc.queryForList("select id from sv_complaint where hotline_order_no = :o", Map.of("o", orderNo), Long.class).stream()
			.findFirst();
	}

	public Optional<Complaint> find(long id) {
		return withCases(jdbc.query(SELECT + " where c.id = :id", Map.of("id", id), this::map)).stream().findFirst();
	}

	/** The complaint with this receipt number whose phone has this fingerprint (the citizen's lookup). */
	public Optional<Complaint> findByReceipt(String receiptNo, String phoneKey) {
		return withCases(jdbc.query(SELECT + " where c.receipt_no = :r and c.phone_key = :k", Map.of("r", receiptNo, "k", phoneKey),
				this::map)).stream().findFirst();
	}

	/** Visible to a scope: taken in by a supervising body, or assigned to a body, that the scope covers. */
	static String visible(DataScope scope) {
		return switch (scope.kind()) {
			case ALL -> "true";
			case BODY -> "(c.supervising_body_id = :scopeBodyId or c.assigned_body_id = :scopeBodyId)";
			case REGION_SUBTREE -> "(sb.region_path like :scopeRegionPath or ab.region_path like :scopeRegionPath)";
		};
	}

	/** A page of the complaints the scope sees, newest first; each filter may be {@code null}. */
	public Page<Complaint> list(DataScope scope, ComplaintStatus status, Long assignedBodyId, ComplaintChannel channel, int page, int size) {
		String where = " where " + visible(scope) + (status != null ? " and c.status = :st" : "")
				+ (assignedBodyId != null ? " and c.assigned_body_id = :ab" : "") + (channel != null ? " and c.channel = :ch" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("st", status == null ? null : status.name());
		p.put("ab", assignedBodyId);
		p.put("ch", channel == null ? null : channel.name());
		p.put("lim", size);
		p.put("off", (long) page * size);
		p = scope.bind(p);
		Long total = jdbc.queryForObject("select count(*) from (" + SELECT + where + ") x", p, Long.class);
		List<Complaint> items = withCases(jdbc.query(SELECT + where + " order by c.id desc limit :lim offset :off", p, this::map));
		return new Page<>(items, total, page, size);
	}

	/** The complaints in the scope that are linked to a case. */
	public List<Complaint> forCase(DataScope scope, long caseId) {
		return withCases(jdbc.query(SELECT + " where " + visible(scope)
				+ " and exists (select 1 from sv_complaint_case k where k.complaint_id = c.id and k.case_id = :case) order by c.id desc",
				scope.bind(Map.of("case", caseId)), this::map));
	}

	/** Complaints waiting for one state, nearest reply deadline first (home pages). */
	public Page<Complaint> waiting(DataScope scope, ComplaintStatus status, Long assignedBodyId, int size) {
		String where = " where " + visible(scope) + " and c.status = :st" + (assignedBodyId != null ? " and c.assigned_body_id = :ab" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("st", status.name());
		p.put("ab", assignedBodyId);
		p.put("lim", size);
		p = scope.bind(p);
		Long total = jdbc.queryForObject("select count(*) from (" + SELECT + where + ") x", p, Long.class);
		return new Page<>(jdbc.query(SELECT + where + " order by c.reply_due nulls last, c.id limit :lim", p, this::map), total, 0, size);
	}

	public void assign(long id, int version, long bodyId, LocalDate due, boolean provisional) {
		checked(jdbc.update("""
				update sv_complaint set status = 'ASSIGNED', assigned_body_id = :b, reply_due = :d, reply_due_provisional = :p, version = version + 1
				where id = :id and version = :v""", Map.of("id", id, "v", version, "b", bodyId, "d", due, "p", provisional)));
	}

	/** The body complained about, named by the supervisor (in the same transaction as the claim of the complaint's version). */
	public void setSubjectBody(long id, long bodyId) {
		jdbc.update("update sv_complaint set subject_body_id = :b where id = :id", Map.of("id", id, "b", bodyId));
	}

	public void reply(long id, int version, String reply, Instant at) {
		checked(jdbc.update("""
				update sv_complaint set status = 'REPLIED', reply = :r, replied_at = :at, version = version + 1
				where id = :id and version = :v""", Map.of("id", id, "v", version, "r", reply, "at", Timestamp.from(at))));
	}

	/** The complainant's phone as encrypted at filing. */
	public String phoneCipher(long id) {
		return jdbc.queryForObject("select phone_cipher from sv_complaint where id = :id", Map.of("id", id), String.class);
	}

	public void close(long id, int version, Satisfaction satisfaction) {
		var p = new MapSqlParameterSource("id", id).addValue("v", version).addValue("s", satisfaction == null ? null : satisfaction.name());
		checked(jdbc.update("""
				update sv_complaint set status = 'CLOSED', satisfaction = coalesce(:s, satisfaction), version = version + 1
				where id = :id and version = :v""", p));
	}

	public void reopen(long id, int version, Satisfaction satisfaction, LocalDate due, boolean provisional) {
		var p = new MapSqlParameterSource("id", id).addValue("v", version).addValue("s", satisfaction == null ? null : satisfaction.name())
			.addValue("d", due).addValue("p", provisional);
		checked(jdbc.update("""
				update sv_complaint set status = 'ASSIGNED', satisfaction = coalesce(:s, satisfaction), reopen_count = reopen_count + 1,
				  reply_due = :d, reply_due_provisional = :p, version = version + 1
				where id = :id and version = :v""", p));
	}

	private static void checked(int updated) {
		if (updated != 1) {
			throw new StaleWrite("该投诉举报已被他人修改，请刷新后重试");
		}
	}

	/** An enforcement act of the ledger a complaint concerns: its ledger id, number, body, and its case when it is this platform's. */
	public record ActRef(long id, String label, String bodyName, long bodyId, Long caseId) {
	}

	private static final String ACT_REF = """
			select a.id, coalesce(a.case_number, a.decision_number, a.source || '/' || a.external_id) as label, b.name as body_name, a.body_id,
			  case when a.source = 'PLATFORM' and a.external_id ~ '^[0-9]{1,18}$' then a.external_id::bigint end as case_id
			from sv_act a join body_view b on b.id = a.body_id""";

	private static ActRef actRef(ResultSet rs, int i) throws java.sql.SQLException {
		return new ActRef(rs.getLong("id"), rs.getString("label"), rs.getString("body_name"), rs.getLong("body_id"), (Long) rs.getObject("case_id"));
	}

	/** The acts whose case number or decision number is exactly {@code number}, within the scope. */
	public List<ActRef> actsByNumber(DataScope scope, String number) {
		return jdbc.query(ACT_REF + " where (a.case_number = :n or a.decision_number = :n) and " + scope.sqlCondition("a.body_id", "b.region_path")
				+ " order by a.id limit 20", scope.bind(Map.of("n", number)), ComplaintRows::actRef);
	}

	public List<ActRef> acts(long complaintId) {
		return jdbc.query(ACT_REF + " join sv_complaint_act x on x.act_id = a.id where x.complaint_id = :c order by a.id", Map.of("c", complaintId),
				ComplaintRows::actRef);
	}

	public void linkActs(long id, Collection<Long> actIds) {
		jdbc.batchUpdate("insert into sv_complaint_act (complaint_id, act_id) values (:c, :a) on conflict do nothing",
				actIds.stream().map(a -> new MapSqlParameterSource("c", id).addValue("a", a)).toArray(MapSqlParameterSource[]::new));
	}

	/** The complaints about an act of the ledger the scope sees (named on the act, or on its platform case). */
	public List<Complaint> forAct(DataScope scope, long actId) {
		return withCases(jdbc.query(SELECT + " where " + visible(scope)
				+ " and (exists (select 1 from sv_complaint_act x where x.complaint_id = c.id and x.act_id = :act)"
				+ " or exists (select 1 from sv_complaint_case k join sv_act a on a.source = 'PLATFORM' and a.external_id = k.case_id::text"
				+ " where k.complaint_id = c.id and a.id = :act)) order by c.id desc", scope.bind(Map.of("act", actId)), this::map));
	}

	public void linkCases(long id, Collection<Long> caseIds) {
		jdbc.batchUpdate("insert into sv_complaint_case (complaint_id, case_id) values (:c, :k) on conflict do nothing",
				caseIds.stream().map(k -> new MapSqlParameterSource("c", id).addValue("k", k)).toArray(MapSqlParameterSource[]::new));
	}

	/** The bodies owning these cases (from {@code case_view}); unknown ids are left out. */
	public Map<Long, Long> caseBodies(Collection<Long> caseIds) {
		Map<Long, Long> out = new HashMap<>();
		if (caseIds.isEmpty()) {
			return out;
		}
		jdbc.query("select id, body_id from case_view where id in (:ids)", Map.of("ids", caseIds),
				(ResultSet rs) -> {
					out.put(rs.getLong("id"), rs.getLong("body_id"));
				});
		return out;
	}

	public Optional<BodyRef> body(long id) {
		return jdbc.query("select id, name, region_path, supervisory from body_view where id = :id", Map.of("id", id),
				(rs, i) -> new BodyRef(rs.getLong("id"), rs.getString("name"), rs.getString("region_path"), rs.getBoolean("supervisory")))
			.stream().findFirst();
	}

	/** The supervisory bodies (司法行政机关) a citizen may address, by region. */
	public List<BodyRef> supervisoryBodies() {
		return jdbc.query("select id, name, region_path, supervisory from body_view where supervisory and status = 'ACTIVE' order by region_path, name",
				(rs, i) -> new BodyRef(rs.getLong("id"), rs.getString("name"), rs.getString("region_path"), true));
	}

	/** The active bodies a scope covers, by region and name (the choices of 分办). */
	public List<BodyRef> bodies(DataScope scope) {
		return jdbc.query("select id, name, region_path, supervisory from body_view where status = 'ACTIVE' and "
				+ scope.sqlCondition("id", "region_path") + " order by region_path, name", scope.bind(Map.of()),
				(rs, i) -> new BodyRef(rs.getLong("id"), rs.getString("name"), rs.getString("region_path"), rs.getBoolean("supervisory")));
	}

	public boolean matterExists(long id) {
		return !jdbc.queryForList("select 1 from matter_view where id = :id", Map.of("id", id), Integer.class).isEmpty();
	}

	/** Receipt numbers by complaint id, for the record's readable subject names. */
	public Map<String, String> receipts(Collection<String> ids) {
		Map<String, String> out = new HashMap<>();
		List<Long> numeric = ids.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
		if (!numeric.isEmpty()) {
			jdbc.query("select id, receipt_no from sv_complaint where id in (:ids)", Map.of("ids", numeric),
					(ResultSet rs) -> {
						out.put(String.valueOf(rs.getLong(1)), rs.getString(2));
					});
		}
		return out;
	}

	/** One line of the statistics: a body or a matter with its counts. */
	public record Tally(Long id, String name, long total, long open, long replied, long late, long satisfied, long unsatisfied,
			long reopened) {
	}

	/** Counts per assigned body ({@code byMatter} false) or per matter, over the complaints the scope sees. */
	public List<Tally> tallies(DataScope scope, boolean byMatter, LocalDate today) {
		String key = byMatter ? "c.matter_id" : "c.assigned_body_id";
		String name = byMatter ? "m.name" : "ab.name";
		String sql = """
				select %1$s as key, %2$s as name, count(*) as total,
				  count(*) filter (where c.status in ('RECEIVED', 'ASSIGNED')) as open,
				  count(*) filter (where c.status in ('REPLIED', 'CLOSED')) as replied,
				  count(*) filter (where c.status = 'ASSIGNED' and c.reply_due < :today) as late,
				  count(*) filter (where c.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied,
				  count(*) filter (where c.satisfaction = 'UNSATISFIED') as unsatisfied,
				  count(*) filter (where c.reopen_count > 0) as reopened
				from (%3$s where %4$s) x join sv_complaint c on c.id = x.id
				left join body_view ab on ab.id = c.assigned_body_id left join matter_view m on m.id = c.matter_id
				group by %1$s, %2$s order by total desc, name""".formatted(key, name,
				"select c.id from sv_complaint c join body_view sb on sb.id = c.supervising_body_id left join body_view ab on ab.id = c.assigned_body_id",
				visible(scope));
		return jdbc.query(sql, scope.bind(Map.of("today", today)), (rs, i) -> new Tally((Long) rs.getObject("key", Long.class),
				rs.getString("name"), rs.getLong("total"), rs.getLong("open"), rs.getLong("replied"), rs.getLong("late"), rs.getLong("satisfied"),
				rs.getLong("unsatisfied"), rs.getLong("reopened")));
	}

	private List<Complaint> withCases(List<Complaint> list) {
		if (list.isEmpty()) {
			return list;
		}
		Map<Long, List<Long>> cases = new HashMap<>();
		jdbc.query("select complaint_id, case_id from sv_complaint_case where complaint_id in (:ids) order by case_id",
				Map.of("ids", list.stream().map(Complaint::id).toList()), (ResultSet rs) -> {
					cases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		return list.stream().map(c -> c.withCases(cases.getOrDefault(c.id(), List.of()))).toList();
	}

	private Complaint map(ResultSet rs, int i) throws SQLException {
		Timestamp replied = rs.getTimestamp("replied_at");
		java.sql.Date due = rs.getDate("reply_due");
		String satisfaction = rs.getString("satisfaction");
		return new Complaint(rs.getLong("id"), rs.getString("receipt_no"), ComplaintChannel.valueOf(rs.getString("channel")),
				ComplaintCategory.valueOf(rs.getString("category")), rs.getBoolean("enterprise_related"), rs.getString("hotline_order_no"),
				rs.getLong("supervising_body_id"), rs.getString("sb_name"), (Long) rs.getObject("subject_body_id", Long.class),
				rs.getString("jb_name"), (Long) rs.getObject("matter_id", Long.class), rs.getString("m_name"), rs.getString("complainant_name"),
				rs.getString("phone_masked"), rs.getString("title"), rs.getString("content"), rs.getDate("received_on").toLocalDate(),
				ComplaintStatus.valueOf(rs.getString("status")), (Long) rs.getObject("assigned_body_id", Long.class), rs.getString("ab_name"),
				due == null ? null : due.toLocalDate(), rs.getBoolean("reply_due_provisional"), rs.getString("reply"),
				replied == null ? null : replied.toInstant(), satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
				rs.getInt("reopen_count"), rs.getBoolean("demo"), rs.getInt("version"), List.of());
	}
}
