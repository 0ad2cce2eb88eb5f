package zhifa.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.Cases;
import zhifa.casework.PartyType;
import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.shared.NotFound;
import zhifa.shared.PersonalData;
import zhifa.shared.StaleWrite;

/** {@link Cases} on {@code enforcement_case} and {@code case_officer}; names of bodies, matters and places from the published views. */
@Repository
class CaseRows implements Cases {

	/** The officers on duty of case {@code c}, as {@code [[officer id, name, assigned on], …]}. */
	private static final String OFFICERS = """
			(select json_agg(json_build_array(o.officer_id, f.name, o.assigned_on) order by o.assigned_on, f.name)
			   from case_officer o join officer_view f on f.id = o.officer_id where o.case_id = c.id and o.released_on is null)""";

	static final String SELECT = select("enforcement_case");

	/** The case with its names and its officers on duty, in one statement, read from {@code source}. */
	static String select(String source) {
		return """
				select c.*, b.name as body_name, m.code as matter_code, m.name as matter_name, m.domain_code, r.name as place_name, r.path as place_path,
				  %s as officers_on_duty
				from %s c join body_view b on b.id = c.body_id join matter_view m on m.id = c.matter_id
				join region_view r on r.id = c.place_region_id""".formatted(OFFICERS, source);
	}

	/**
	 * A new case returns its id, version and the names of its body, matter and place; the rest is what was written (the
	 * registration test compares the answer with the case read afresh). Positional parameters, like {@link #CLAIM}: no
	 * named-parameter map to build on the hot paths.
	 */
	private static final String REGISTER = "with c as (" + """
			insert into enforcement_case (kind, body_id, matter_id, stage, source, idempotency_key, party_kind, party_name, party_id_cipher, party_key,
			  party_masked, party_address, place_region_id, place_detail, act_date, act_end_date, description, received_on, registered_by,
			  registered_by_id, demo, created_at, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (body_id, idempotency_key) do nothing returning id, version, body_id, matter_id, place_region_id)
			select c.id, c.version, b.name as body_name, m.code as matter_code, m.name as matter_name, m.domain_code, r.name as place_name,
			  r.path as place_path
			from c join body_view b on b.id = c.body_id join matter_view m on m.id = c.matter_id join region_view r on r.id = c.place_region_id""";

	/**
	 * The claim returns the row, not the names of its body, matter and place nor its officers: the claimed version is the
	 * one read, so those ids are the read's, and the names are those read a moment before in the same transaction (a
	 * rename committed in between shows at the next read; joining them again was half the claim's time). The officers are
	 * the read's too: every change of a case's officers claims the case first ({@link zhifa.casework.CaseOfficers}), so
	 * the claimed version has the officers the read saw, and a change made after the claim in the same transaction is not
	 * in the claim's answer either way.
	 */
	private static final String CLAIM = """
			update enforcement_case set version = version + 1, stage = coalesce(?, stage), updated_at = ? where id = ? and version = ?
			returning *""";

	private static final String LOAD = SELECT + " where c.id in (:ids)";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final PersonalData personal;
	private final Clock clock;

	CaseRows(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, PersonalData personal, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.personal = personal;
		this.clock = clock;
	}

	@Override
	public CaseFile get(DataScope scope, long id) {
		return find(id).filter(c -> scopes.covers(scope, c.bodyId())).orElseThrow(() -> new NotFound("案件"));
	}

	/** The statement of each part's read, built once per part; with a timer, once per part too (the timer's type is a parameter). */
	private final Map<Cases.Part<?>, String> partReads = new java.util.concurrent.ConcurrentHashMap<>();
	private final Map<Cases.Part<?>, String> partTimerReads = new java.util.concurrent.ConcurrentHashMap<>();

	@Override
	public <T> WithPart<T> get(DataScope scope, long id, Part<T> part) {
		return read(scope, partReads.computeIfAbsent(part, p -> partRead(p, false)), part, null, id);
	}

	@Override
	public <T> WithPart<T> get(DataScope scope, long id, Part<T> part, zhifa.casework.TimerType timer) {
		return read(scope, partTimerReads.computeIfAbsent(part, p -> partRead(p, true)), part, timer, timer.name(), id);
	}

	private <T> WithPart<T> read(DataScope scope, String sql, Part<T> part, zhifa.casework.TimerType timer, Object... parameters) {
		List<WithPart<T>> read = jdbc.getJdbcTemplate().query(sql, (rs, i) -> {
			CaseFile file = row(rs);
			T row = rs.getObject("part_case_id") == null ? null : part.map(new Cases.Columns() {
				@Override
				public <X> X get(String column, Class<X> type) {
					try {
						return rs.getObject("part_" + column, type);
					}
					catch (SQLException e) {
						throw new IllegalStateException("案件“" + part.table() + "”部分的列 " + column + " 读取失败", e);
					}
				}
			});
			return new WithPart<>(file, row, timer == null || rs.getObject("timer_id") == null ? null : TimerRows.row(rs, "timer_", kind -> timer));
		}, parameters);
		return read.stream().filter(w -> scopes.covers(scope, w.file().bodyId())).findFirst().orElseThrow(() -> new NotFound("案件"));
	}

	/**
	 * The case's read with a part's columns, each as {@code part_<name>}, and with a timer's (of the type given as the
	 * first parameter, without a ref) as {@code timer_<name>}.
	 */
	static String partRead(Cases.Part<?> part, boolean timer) {
		StringBuilder columns = new StringBuilder("p.case_id as part_case_id");
		for (String c : part.columns()) {
			columns.append(", p.").append(c).append(" as part_").append(c);
		}
		part.derived().forEach((alias, expression) -> columns.append(", ").append(expression).append(" as part_").append(alias));
		if (timer) {
			TimerRows.COLUMNS.forEach(c -> columns.append(", t.").append(c).append(" as timer_").append(c));
		}
		int at = SELECT.indexOf(" as officers_on_duty\n");
		if (at < 0) {
			throw new IllegalStateException("the case's read has changed: no place for a part's columns");
		}
		at += " as officers_on_duty".length();
		return SELECT.substring(0, at) + ", " + columns + SELECT.substring(at) + "\nleft join " + part.table() + " p on p.case_id = c.id"
				+ (part.joins().isEmpty() ? "" : "\n" + part.joins())
				+ (timer ? "\nleft join case_timer t on t.case_id = c.id and t.kind = ? and t.ref is null" : "") + "\nwhere c.id = ?";
	}

	@Override
	public Optional<CaseFile> find(long id) {
		return load(List.of(id)).stream().findFirst();
	}

	@Override
	public List<CaseFile> load(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, CaseFile> rows = new HashMap<>();
		jdbc.query(LOAD, Map.of("ids", ids), (ResultSet rs) -> {
			rows.put(rs.getLong("id"), row(rs));
		});
		return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
	}

	@Override
	public Registered register(NewCase n) {
		// the unique (body, key) constraint decides between concurrent retries: a loser waits for the winner's commit,
		// inserts nothing and answers with the winner's case
		Timestamp now = Timestamp.from(clock.instant());
		List<CaseFile> inserted = jdbc.getJdbcTemplate().query(REGISTER, (rs, i) -> new CaseFile(rs.getLong("id"), n.kind(), n.bodyId(),
				rs.getString("body_name"), n.matterId(), rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("domain_code"), n.stage(),
				n.source(), n.partyKind(), n.partyName(), n.partyMasked(), n.partyAddress(), n.placeRegionId(), rs.getString("place_name"),
				rs.getString("place_path"),
				n.placeDetail(), n.actDate(), n.actEndDate(), n.description(), n.receivedOn(), n.registeredBy(), null, null, null, List.of(), n.demo(),
				rs.getLong("version"), null, null), n.kind(), n.bodyId(), n.matterId(), n.stage(), n.source(),
				n.idempotencyKey(), n.partyKind().name(), n.partyName(), n.partyIdCipher(), n.partyKey(), n.partyMasked(), n.partyAddress(), n.placeRegionId(),
				n.placeDetail(), n.actDate(), n.actEndDate(), n.description(), n.receivedOn(), n.registeredBy(), n.registeredById(), n.demo(), now, now);
		if (inserted.isEmpty()) {
			return new Registered(findByIdempotencyKey(n.bodyId(), n.idempotencyKey()).orElseThrow(), false, null);
		}
		return new Registered(inserted.get(0).id(), true, inserted.get(0));
	}

	@Override
	public Optional<Long> findByIdempotencyKey(long bodyId, String key) {
		return jdbc.queryForList("select id from enforcement_case where body_id = :b and idempotency_key = :k", Map.of("b", bodyId, "k", key), Long.class)
			.stream().findFirst();
	}

	/** Only inside the change's own transaction: a claim committed alone would bump the version with nothing written. */
	@Override
	public CaseFile claim(CaseFile c, String stage) {
		zhifa.shared.Transactions.requireActive();
		c.requireNotArchived();
		List<CaseFile> claimed = jdbc.getJdbcTemplate().query(CLAIM, (rs, i) -> {
			if (rs.getLong("body_id") != c.bodyId() || rs.getLong("matter_id") != c.matterId() || rs.getLong("place_region_id") != c.placeRegionId()) {
				return null; // changed without a new version (never by this class): the names are read afresh below
			}
			return row(rs, c.bodyName(), c.matterCode(), c.matterName(), c.domainCode(), c.placeName(), c.placePath(), c.officers());
		}, stage, Timestamp.from(clock.instant()), c.id(), c.version());
		if (claimed.isEmpty()) {
			find(c.id()).ifPresent(CaseFile::requireNotArchived);
			throw new StaleWrite("案件");
		}
		return claimed.get(0) != null ? claimed.get(0) : find(c.id()).orElseThrow();
	}

	@Override
	public void number(long caseId, CaseNumbers.Number number, LocalDate filedOn, String filedBy) {
		jdbc.update("""
				update enforcement_case set case_number = :n, case_year = :y, case_seq = :s, filed_on = :d, filed_by = :by where id = :id""",
				new MapSqlParameterSource().addValue("n", number.text()).addValue("y", number.year()).addValue("s", number.sequence())
					.addValue("d", filedOn).addValue("by", filedBy).addValue("id", caseId));
	}

	@Override
	public void closed(long caseId, LocalDate on) {
		jdbc.update("update enforcement_case set closed_on = :d where id = :id", Map.of("d", on, "id", caseId));
	}

	@Override
	public void archived(long caseId, LocalDate on) {
		jdbc.update("update enforcement_case set archived_on = :d where id = :id", Map.of("d", on, "id", caseId));
	}

	@Override
	public void assign(long caseId, long officerId, LocalDate day) {
		jdbc.update("""
				insert into case_officer (case_id, officer_id, assigned_on) values (:c, :o, :d)
				on conflict (case_id, officer_id, assigned_on) do update set released_on = null""", Map.of("c", caseId, "o", officerId, "d", day));
	}

	@Override
	public void release(long caseId, long officerId, LocalDate day) {
		jdbc.update("update case_officer set released_on = :d where case_id = :c and officer_id = :o and released_on is null",
				Map.of("d", day, "c", caseId, "o", officerId));
	}

	@Override
	public Optional<LocalDate> partyBirthDate(long caseId) {
		List<String> cipher = jdbc.queryForList("select party_id_cipher from enforcement_case where id = :id and party_id_cipher is not null",
				Map.of("id", caseId), String.class);
		return cipher.isEmpty() ? Optional.empty() : Optional.of(IdNumber.birthDate(personal.decrypt(cipher.get(0))));
	}

	@Override
	public String partyKey(long caseId) {
		return jdbc.queryForObject("select party_key from enforcement_case where id = :id", Map.of("id", caseId), String.class);
	}

	@Override
	public void party(long caseId, zhifa.casework.PartyType kind, String name, String idCipher, String key, String masked, String address) {
		zhifa.shared.Transactions.requireActive();
		jdbc.update("""
				update enforcement_case set party_kind = :k, party_name = :n,
				  party_id_cipher = case when :keep then party_id_cipher else :c end, party_key = coalesce(:key, party_key),
				  party_masked = case when :keep then party_masked else :m end, party_address = :a where id = :id""",
				new MapSqlParameterSource("id", caseId).addValue("k", kind.name()).addValue("n", name).addValue("c", idCipher).addValue("key", key)
					.addValue("m", masked).addValue("a", address).addValue("keep", key == null));
	}

	@Override
	public List<String> otherPartyNames(DataScope scope, long caseId) {
		Map<String, Object> p = new HashMap<>(Map.of("id", caseId));
		String condition = scopes.sqlCondition(scope, "o.body_id", p);
		return jdbc.queryForList("""
				select o.party_name from enforcement_case c
				join enforcement_case o on o.party_key = c.party_key and o.id <> c.id and o.party_name <> c.party_name
				where c.id = :id and """ + " " + condition + " group by o.party_name order by min(o.id) limit 5", p, String.class);
	}

	@Override
	public Map<Long, String> partyKeys(Collection<Long> caseIds) {
		Map<Long, String> keys = new HashMap<>();
		if (!caseIds.isEmpty()) {
			jdbc.query("select id, party_key from enforcement_case where id in (:ids)", Map.of("ids", caseIds),
					(ResultSet rs) -> {
						keys.put(rs.getLong(1), rs.getString(2));
					});
		}
		return keys;
	}

	@Override
	public List<String> filedElsewhere(CaseFile c) {
		return jdbc.query("""
				select b.name, x.filed_on from enforcement_case x join body_view b on b.id = x.body_id
				where x.party_key = (select party_key from enforcement_case where id = :id) and x.body_id <> :b and x.filed_on is not null
				  and x.act_date <= :end and coalesce(x.act_end_date, x.act_date) >= :start
				  and exists (select 1 from matter_basis_view p join matter_basis_view q on p.provision_id = q.provision_id
				              where p.matter_id = x.matter_id and q.matter_id = :m)
				order by x.filed_on""",
				new MapSqlParameterSource().addValue("id", c.id()).addValue("b", c.bodyId()).addValue("start", c.actDate()).addValue("end", c.actEnd())
					.addValue("m", c.matterId()),
				(rs, i) -> rs.getString(1) + "（" + rs.getDate(2).toLocalDate() + "）");
	}

	static CaseFile row(ResultSet rs) throws SQLException {
		return row(rs, rs.getString("body_name"), rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("domain_code"),
				rs.getString("place_name"), rs.getString("place_path"), officers(rs.getString("officers_on_duty")));
	}

	/** The case's row with the names of its body, matter (code, name, domain) and place, and its officers, given. */
	private static CaseFile row(ResultSet rs, String bodyName, String matterCode, String matterName, String domainCode, String placeName, String placePath,
			List<CaseFile.Officer> officers) throws SQLException {
		return new CaseFile(rs.getLong("id"), rs.getString("kind"), rs.getLong("body_id"), bodyName, rs.getLong("matter_id"), matterCode, matterName,
				domainCode, rs.getString("stage"), rs.getString("source"), PartyType.valueOf(rs.getString("party_kind")), rs.getString("party_name"),
				rs.getString("party_masked"), rs.getString("party_address"), rs.getLong("place_region_id"), placeName, placePath, rs.getString("place_detail"), rs.getObject("act_date", LocalDate.class),
				date(rs, "act_end_date"), rs.getString("description"), rs.getObject("received_on", LocalDate.class), rs.getString("registered_by"),
				rs.getString("case_number"), date(rs, "filed_on"), rs.getString("filed_by"), officers, rs.getBoolean("demo"),
				rs.getLong("version"), date(rs, "archived_on"), date(rs, "closed_on"));
	}

	/** {@code [[officer id, name, assigned on], …]} as aggregated by {@link #select}. */
	private static List<CaseFile.Officer> officers(String json) {
		if (json == null) {
			return List.of();
		}
		List<CaseFile.Officer> out = new ArrayList<>();
		for (JsonNode o : JSON.readTree(json)) {
			out.add(new CaseFile.Officer(o.get(0).asLong(), o.get(1).asString(), LocalDate.parse(o.get(2).asString())));
		}
		return List.copyOf(out);
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	@Override
	public Map<Long, String> recordNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.query("select id, case_number, party_name from enforcement_case where id in (:ids)", Map.of("ids", ids), rs -> {
				String number = rs.getString("case_number");
				names.put(rs.getLong("id"), number != null ? number : "案源：" + rs.getString("party_name"));
			});
		}
		return names;
	}
}
