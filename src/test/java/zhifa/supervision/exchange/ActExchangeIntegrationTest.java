package zhifa.supervision.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import zhifa.officer.Certificates;
import zhifa.officer.Officer;
import zhifa.officer.OfficerForm;
import zhifa.officer.Officers;
import zhifa.officer.StaffingType;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.IdNumber;
import zhifa.shared.Uscc;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Other systems report acts: good records kept and bad ones refused record by record with Chinese errors (nothing of
 * them written), repeats unchanged, newer versions replacing, codes mapped, Excel round trip, a token of another body
 * refused, malformed JSON a 400.
 */
class ActExchangeIntegrationTest extends IntegrationTestBase {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	Officers officers;

	@Autowired
	ActExchange exchange;

	@Autowired
	Certificates certificates;

	/** Made once for the class (the officers, certificates and token), so the tests add little to the body's record. */
	static String good;
	static String notYetIssued;
	static String expired;
	static String secret;

	String source;
	LocalDate today;
	LocalDate on;
	String marketUscc;
	HttpSession system;

	@BeforeEach
	void setUp() {
		int n = SERIAL.incrementAndGet();
		source = "TEST-SCJ-" + n + "-" + System.nanoTime() % 100000;
		today = LocalDate.now(clock);
		on = today.plusDays(3);
		// 芒市综合行政执法局: its published catalogue holds ZF-CF-001
		long market = bodyId("芒市综合行政执法局");
		marketUscc = jdbc.queryForObject("select uscc from org_body where id = ?", String.class, market);
		if (good == null) {
			good = certificate(market, "报送甲", today.minusYears(1), today.plusYears(1));
			notYetIssued = certificate(market, "报送乙", today.plusDays(4), today.plusYears(5));
			expired = certificate(market, "报送丙", today.minusYears(5), today.plusDays(2));
			var issued = loggedIn("anquan").postJson("/api/v1/tokens", "{\"bodyId\":" + market + ",\"name\":\"综合执法业务系统（报送测试）\"}");
			assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
			secret = json(issued.body()).get("secret").asString();
		}
		HttpSession admin = loggedIn("admin");
		var saved = admin.putJson("/api/v1/exchange/sources/" + source, """
				{"name":"综合执法业务系统（测试）","active":true,"bodyIds":[%d]}""".formatted(market));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		for (String m : List.of("""
				{"codeClass":"STAGE","externalCode":"04","ourCode":"DECIDED"}""", """
				{"codeClass":"PARTY_KIND","externalCode":"1","ourCode":"ORGANIZATION"}""")) {
			var r = admin.postJson("/api/v1/exchange/sources/" + source + "/mappings", m);
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		}
		system = HttpSession.withToken(port, secret);
		// the acts happened today + 3; the report arrives two days later
		clock.shift(Duration.ofDays(5));
	}

	private String certificate(long body, String name, LocalDate from, LocalDate to) {
		int n = SERIAL.incrementAndGet();
		LocalDate birth = LocalDate.of(1980, 1 + n % 12, 1 + n % 27);
		String first17 = "533103" + birth.toString().replace("-", "") + String.format("%03d", 500 + (int) (System.nanoTime() % 400));
		OfficerForm f = new OfficerForm();
		f.setBodyId(body);
		f.setName(name);
		f.setIdNumber(first17 + IdNumber.checkCharacter(first17));
		f.setPost("执法科科员");
		f.setStaffing(StaffingType.ESTABLISHED);
		f.setDomainCodes(new ArrayList<>(List.of("URBAN")));
		Officer o = officers.create(DataScope.all(), f, false);
		String number = "530000" + from.getYear() + String.format("%05d", o.id());
		certificates.registerExisting(DataScope.all(), o.id(), List.of("URBAN"), "53", "云南省人民政府", new Certificates.Issue(number, from, to, "测试"), false);
		return number;
	}

	private static String uscc(String body17) {
		return body17 + Uscc.checkCharacter(body17);
	}

	/** A decided act of an organisation, in the source's codes: stage 04 and party kind 1 mapped. */
	private String act(String id, long version, String extra) {
		return """
				{"externalId":"%s","version":%d,"bodyCode":"%s","matterCode":"ZF-CF-001","caseNumber":"芒综执罚〔2026〕%s号","partyKind":"1",
				 "partyName":"报送测试公司","partyUscc":"%s","stage":"04","actDate":"%s","receivedOn":"%s","filedOn":"%s","noticeServedOn":"%s",
				 "decidedOn":"%s","decisionOutcome":"PENALTY","decisionNumber":"芒综执罚决〔2026〕%s号","fine":500000,"paidTotal":0,
				 "officerCertificates":["%s","%s"]%s}""".formatted(id, version, marketUscc, id, uscc("91533103TX000" + String.format("%04d", Math.abs(id.hashCode()) % 10000)),
				today, today, today.plusDays(1), today.plusDays(2), on, id, good, expired, extra);
	}

	private String batch(String... acts) {
		return "{\"acts\":[" + String.join(",", acts) + "]}";
	}

	private JsonNode post(HttpSession session, String body, int status) {
		var r = session.postJsonWithHeader("/api/v1/exchange/acts", body, "X-Source-System", source);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		return json(r.body());
	}

	private long acts() {
		return jdbc.queryForObject("select count(*) from sv_act where source = ?", Long.class, source);
	}

	private static List<String> errors(JsonNode result) {
		List<String> out = new ArrayList<>();
		result.get("errors").forEach(e -> out.add(e.get("field").asString() + "：" + e.get("message").asString()));
		return out;
	}

	@Test
	void goodRecordsAreKeptBadOnesRefusedWithChineseErrorsAndNothingOfThemWritten() {
		String person = "53310319880808123";
		person = person + IdNumber.checkCharacter(person);
		String badUscc = uscc("91533103TX0009999");
		badUscc = badUscc.substring(0, 17) + (badUscc.charAt(17) == '0' ? '1' : '0');
		String body = batch(act("A1", 1, ""),
				act("A2", 1, "").replace("\"partyKind\":\"1\"", "\"partyKind\":\"NATURAL_PERSON\"").replaceFirst("\"partyUscc\":\"[0-9A-Z]+\"",
						"\"partyIdNumber\":\"" + person + "\""),
				act("B1", 1, "").replace(good, "530000209999999"), act("B2", 1, "").replace(good, notYetIssued),
				act("B3", 1, "").replace("ZF-CF-001", "ZF-CF-999"), act("B4", 1, "").replace("\"filedOn\":\"" + today.plusDays(1), "\"filedOn\":\"" + today.minusDays(1)),
				act("B5", 1, "").replaceFirst("\"partyUscc\":\"[0-9A-Z]+\"", "\"partyUscc\":\"" + badUscc + "\""), act("B6", 1, "").replace("\"stage\":\"04\"", "\"stage\":\"99\""));
		long entriesBefore = jdbc.queryForObject("select count(*) from record_entry where action = 'exchange.act_reported'", Long.class);

		JsonNode res = post(system, body, 200);

		assertThat(res.get("received").asInt()).isEqualTo(8);
		assertThat(res.get("accepted").asInt()).isEqualTo(2);
		assertThat(res.get("refused").asInt()).isEqualTo(6);
		JsonNode r = res.get("results");
		assertThat(r.get(0).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(r.get(0).get("warnings").get(0).asString()).contains(expired).contains("已过期").contains("不计为有效执法人员");
		assertThat(r.get(1).get("status").asString()).isEqualTo("ACCEPTED");
		for (int i = 2; i < 8; i++) {
			assertThat(r.get(i).get("status").asString()).as(r.get(i).toString()).isEqualTo("REFUSED");
			assertThat(r.get(i).get("errors")).as(r.get(i).toString()).hasSize(1);
			assertThat(r.get(i).get("index").asInt()).isEqualTo(i + 1);
		}
		assertThat(errors(r.get(2))).containsExactly("officerCertificates：执法证号“530000209999999”在执法证件库中不存在，也不是已登记的人民警察证号（警号）");
		assertThat(errors(r.get(3)).get(0)).startsWith("officerCertificates：执法证号“" + notYetIssued + "”（报送乙）在执法日期" + on + "尚未发证生效");
		assertThat(errors(r.get(4)).get(0)).startsWith("matterCode：代码“ZF-CF-999”不在“芒市综合行政执法局”" + on + "有效的执法事项目录")
			.contains("没有该代码的映射（代码类别：执法事项 MATTER）");
		assertThat(errors(r.get(5))).containsExactly("filedOn：立案日期" + today.minusDays(1) + "早于收到（发现）日期" + today + "，日期顺序不对");
		assertThat(errors(r.get(6)).get(0)).startsWith("partyUscc：当事人统一社会信用代码").contains("校验");
		assertThat(errors(r.get(7)).get(0)).isEqualTo("stage：代码“99”不是本平台的办理阶段代码，且报送系统“" + source + "”没有该代码的映射（代码类别：办理阶段 STAGE）");

		// the good ones are in the ledger, codes mapped; nothing of the bad ones was written
		assertThat(acts()).isEqualTo(2);
		assertThat(jdbc.queryForList("select external_id from sv_act where source = ? order by external_id", String.class, source)).containsExactly("A1", "A2");
		var a1 = jdbc.queryForMap("select * from sv_act where source = ? and external_id = 'A1'", source);
		assertThat(a1.get("stage")).isEqualTo("DECIDED");
		assertThat(a1.get("party_kind")).isEqualTo("ORGANIZATION");
		assertThat(a1.get("valid_officers")).isEqualTo(1);
		assertThat(a1.get("matter_name")).isEqualTo("对随地吐痰、乱扔废弃物的行政处罚");
		assertThat(a1.get("fine")).isEqualTo(500000L);
		var a2 = jdbc.queryForMap("select * from sv_act where source = ? and external_id = 'A2'", source);
		assertThat((String) a2.get("party_masked")).isEqualTo(IdNumber.mask(person)).doesNotContain(person.substring(6, 14));
		assertThat((String) a2.get("party_key")).startsWith("P:").doesNotContain(person);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where action = 'exchange.act_reported'", Long.class)).isEqualTo(entriesBefore + 2);
		assertThat(jdbc.queryForObject("""
				select count(*) from record_entry where action = 'exchange.batch_received' and summary like '%收到“综合执法业务系统（测试）”接口报送的执法行为8条：接收2条，未变化0条，拒收6条%'""",
				Long.class)).isGreaterThanOrEqualTo(1);

		// the same batch again: the good ones unchanged, the bad ones still refused, the ledger as it was
		var receivedAt = jdbc.queryForObject("select received_at from sv_act where source = ? and external_id = 'A1'", java.sql.Timestamp.class, source);
		JsonNode again = post(system, body, 200);
		assertThat(again.get("unchanged").asInt()).isEqualTo(2);
		assertThat(again.get("accepted").asInt()).isZero();
		assertThat(again.get("refused").asInt()).isEqualTo(6);
		assertThat(acts()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select received_at from sv_act where source = ? and external_id = 'A1'", java.sql.Timestamp.class, source))
			.isEqualTo(receivedAt);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where action = 'exchange.act_reported'", Long.class)).isEqualTo(entriesBefore + 2);

		// a newer version replaces the act; an older one afterwards changes nothing
		String closed = act("A1", 2, ",\"decisionServedOn\":\"" + on + "\",\"closedOn\":\"" + on.plusDays(1) + "\"").replace("\"stage\":\"04\"", "\"stage\":\"CLOSED\"")
			.replace("\"paidTotal\":0", "\"paidTotal\":500000");
		JsonNode newer = post(system, batch(closed), 200);
		assertThat(newer.get("results").get(0).get("status").asString()).isEqualTo("ACCEPTED");
		var replaced = jdbc.queryForMap("select * from sv_act where source = ? and external_id = 'A1'", source);
		assertThat(replaced.get("version")).isEqualTo(2L);
		assertThat(replaced.get("stage")).isEqualTo("CLOSED");
		assertThat(replaced.get("paid_total")).isEqualTo(500000L);
		assertThat(post(system, batch(act("A1", 1, "")), 200).get("results").get(0).get("status").asString()).isEqualTo("UNCHANGED");
		assertThat(jdbc.queryForObject("select stage from sv_act where source = ? and external_id = 'A1'", String.class, source)).isEqualTo("CLOSED");
		assertThat(acts()).isEqualTo(2);
	}

	/**
	 * A batch is written a hundred records to a transaction, each record under a savepoint: a record the database refuses
	 * rolls back alone; a transaction that fails as a whole (here the second chunk, at its commit) leaves none of its
	 * records, the first chunk stays, and the answer says so for each — what the system is told was accepted is what the
	 * ledger holds.
	 */
	@Test
	void aRecordTheDatabaseRefusesFailsAloneAndAFailedCommitReportsEveryRecordOfItsChunkNotSaved() {
		long entriesBefore = jdbc.queryForObject("select count(*) from record_entry where action = 'exchange.act_reported'", Long.class);
		jdbc.execute("create function sv_act_exchange_test() returns trigger language plpgsql as $$ begin "
				+ "if new.external_id like 'DBR%' then raise exception '测试：数据库拒收'; end if; return new; end $$");
		jdbc.execute("create trigger sv_act_exchange_refuse before insert on sv_act for each row when (new.external_id = 'DBR2') execute function sv_act_exchange_test()");
		jdbc.execute("create constraint trigger sv_act_exchange_commit after insert on sv_act deferrable initially deferred for each row "
				+ "when (new.external_id = 'DBR5') execute function sv_act_exchange_test()");
		JsonNode one;
		ActExchange.BatchResult whole;
		// good records fill the first chunk (a thousand, more than an API batch holds: as from an Excel sheet); the
		// second (the next three) fails at its commit
		int chunk = ActExchange.CHUNK;
		List<ActExchange.Incoming> second = new ArrayList<>();
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		for (int i = 0; i < chunk + 3; i++) {
			String id = i < chunk ? String.format("DBA%04d", i) : "DBQ4 DBR5 DBQ6".split(" ")[i - chunk];
			second.add(new ActExchange.Incoming(i + 1, mapper.readValue(act(id, 1, ""), ReportedAct.class), List.of()));
		}
		try {
			one = post(system, batch(act("DBQ1", 1, ""), act("DBR2", 1, ""), act("DBQ3", 1, "")), 200);
			whole = exchange.receiveAll(zhifa.shared.Operator.SYSTEM, source, second, ActExchange.Channel.API, false);
		}
		finally {
			jdbc.execute("drop trigger sv_act_exchange_refuse on sv_act");
			jdbc.execute("drop trigger sv_act_exchange_commit on sv_act");
			jdbc.execute("drop function sv_act_exchange_test()");
		}
		assertThat(one.get("accepted").asInt()).isEqualTo(2);
		assertThat(one.get("results").get(1).get("status").asString()).isEqualTo("REFUSED");
		assertThat(errors(one.get("results").get(1))).containsExactly("：数据库拒绝保存该记录（数据不符合约束），未写入");
		assertThat(whole.accepted()).isEqualTo(chunk);
		assertThat(whole.refused()).isEqualTo(3);
		for (int i = 0; i < chunk + 3; i++) {
			ActExchange.RecordResult r = whole.results().get(i);
			assertThat(r.index()).isEqualTo(i + 1);
			if (i < chunk) {
				assertThat(r.status()).as(r.toString()).isEqualTo(ActExchange.Status.ACCEPTED);
			}
			else {
				assertThat(r.errors()).extracting(ReportError::message)
					.containsExactly("数据库未能保存第" + (chunk + 1) + "至" + (chunk + 3) + "条，均未写入，请重新报送");
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ? and external_id like 'DBA%'", Long.class, source)).isEqualTo(chunk);
		assertThat(jdbc.queryForList("select external_id from sv_act where source = ? and external_id like 'DB_' || '%' and external_id not like 'DBA%' order by external_id",
				String.class, source)).containsExactly("DBQ1", "DBQ3");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where action = 'exchange.act_reported'", Long.class)).isEqualTo(entriesBefore + chunk + 2);
	}

	@Autowired
	zhifa.record.RecordVerifier verifier;

	/**
	 * A chunk's records are written together (the acts in one statement, their record entries in a few): each act gets
	 * its entry on its own chain, a newer version continues the chain, an unchanged one adds nothing, and every chain
	 * verifies.
	 */
	@Test
	void aChunkWrittenTogetherChainsEachActsEntryAsOneByOneWould() {
		String run = java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		JsonNode first = post(system, batch(act("TG" + run + "A", 1, ""), act("TG" + run + "B", 1, "")), 200);
		assertThat(first.get("accepted").asInt()).isEqualTo(2);
		// the second batch: A again in a newer version, B unchanged, C and D new
		zhifa.support.StatementCounter.TIMES.clear();
		zhifa.support.StatementCounter.TIMING = true;
		JsonNode second;
		try {
			second = post(system, batch(act("TG" + run + "A", 2, ""), act("TG" + run + "B", 1, ""), act("TG" + run + "C", 1, ""),
					act("TG" + run + "D", 1, "")), 200);
		}
		finally {
			zhifa.support.StatementCounter.TIMING = false;
		}
		// written together: the four acts in one statement (a record at a time would have taken four, and its fall-back five)
		assertThat(zhifa.support.StatementCounter.TIMES.entrySet().stream().filter(e -> e.getKey().startsWith("insert into sv_act ("))
			.mapToLong(e -> e.getValue()[1].sum()).sum()).isEqualTo(1);
		zhifa.support.StatementCounter.TIMES.clear();
		assertThat(second.get("results").findValuesAsString("status")).containsExactly("ACCEPTED", "UNCHANGED", "ACCEPTED", "ACCEPTED");
		java.util.Map<String, Long> entries = new java.util.TreeMap<>();
		for (String x : List.of("A", "B", "C", "D")) {
			long act = jdbc.queryForObject("select id from sv_act where source = ? and external_id = ?", Long.class, source, "TG" + run + x);
			var check = verifier.verifyChain("sv_act", String.valueOf(act));
			assertThat(check.intact()).as(x).isTrue();
			entries.put(x, check.entries());
			assertThat(jdbc.queryForList("select seq from record_entry where subject_type = 'sv_act' and subject_id = ? and action = 'exchange.act_reported' order by seq",
					Long.class, String.valueOf(act))).as(x).containsExactlyElementsOf(x.equals("A") ? List.of(1L, 2L) : List.of(1L));
		}
		assertThat(entries).containsEntry("A", 2L).containsEntry("B", 1L).containsEntry("C", 1L).containsEntry("D", 1L);
	}

	@Test
	void reviewAndLitigationOutcomesAreReportedInCodesOrWordsAndCheckedPerRecord() {
		JsonNode res = post(system, batch(act("R1", 1, ",\"reviewOutcome\":\"维持\",\"litigationOutcome\":\"确认无效\",\"involvedAmount\":1234500"),
				act("R2", 1, ",\"reviewOutcome\":\"撤回\""), act("R3", 1, ",\"reviewOutcome\":\"取消\""),
				act("R4", 1, ",\"litigationOutcome\":\"撤销\"").replaceFirst("\"decidedOn\":\"[0-9-]+\",\"decisionOutcome\":\"PENALTY\",", "")), 200);
		assertThat(res.get("accepted").asInt()).isEqualTo(2);
		assertThat(errors(res.get("results").get(2))).singleElement().asString().startsWith("reviewOutcome：行政复议结果“取消”不可用");
		assertThat(errors(res.get("results").get(3))).contains("litigationOutcome：有行政诉讼结果时应填写决定日期");
		assertThat(jdbc.queryForObject("select details -> 'remedies' from sv_act where source = ? and external_id = 'R1'", String.class, source))
			.contains("\"REVIEW\"", "\"UPHELD\"", "\"LITIGATION\"", "\"CONFIRMED_INVALID\"");
		assertThat(jdbc.queryForObject("select (details ->> 'involvedAmount')::bigint from sv_act where source = ? and external_id = 'R1'", Long.class, source))
			.isEqualTo(1_234_500L);
		assertThat(jdbc.queryForObject("select details -> 'remedies' -> 0 ->> 'outcome' from sv_act where source = ? and external_id = 'R2'", String.class,
				source)).isEqualTo("WITHDRAWN");
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ? and external_id in ('R3', 'R4')", Long.class, source)).isZero();
	}

	@Test
	void aPoliceOfficersNumberIsCheckedAgainstTheRosterAndHisAuthorityThatDay() {
		// a police officer of the reporting body, with his 警号: he acts on the 人民警察证 in public security only, so on this
		// 城管 matter he is named but not counted valid; an unregistered number is refused
		OfficerForm f = new OfficerForm();
		f.setBodyId(bodyId("芒市综合行政执法局"));
		f.setName("报送民警");
		String first17 = "53310319850505" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		f.setIdNumber(first17 + IdNumber.checkCharacter(first17));
		f.setPost("民警");
		f.setStaffing(StaffingType.ESTABLISHED);
		f.setPolice(true);
		String number = "JH" + (System.nanoTime() % 10_000_000L);
		f.setPoliceNumber(number);
		officers.create(DataScope.all(), f, false);
		JsonNode res = post(system, batch(act("P1", 1, "").replace(expired, number), act("P2", 1, "").replace(expired, "JH000000000")), 200);
		JsonNode p1 = res.get("results").get(0);
		assertThat(p1.get("status").asString()).as(p1.toString()).isEqualTo("ACCEPTED");
		assertThat(p1.get("warnings").toString()).contains("人民警察证号“" + number + "”（报送民警）", "不计为有效执法人员");
		assertThat(jdbc.queryForObject("select valid_officers from sv_act where source = ? and external_id = 'P1'", Integer.class, source)).isEqualTo(1);
		assertThat(errors(res.get("results").get(1))).containsExactly("officerCertificates：执法证号“JH000000000”在执法证件库中不存在，也不是已登记的人民警察证号（警号）");
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ? and external_id = 'P2'", Long.class, source)).isZero();
	}

	@Test
	void aMappingEditedByTheAdministratorAppliesToTheNextBatch() {
		String unmapped = act("M1", 1, "").replace("\"stage\":\"04\"", "\"stage\":\"09\"");
		assertThat(post(system, batch(unmapped), 200).get("results").get(0).get("status").asString()).isEqualTo("REFUSED");
		assertThat(acts()).isZero();
		var r = loggedIn("admin").postJson("/api/v1/exchange/sources/" + source + "/mappings", """
				{"codeClass":"STAGE","externalCode":"09","ourCode":"CLOSED"}""");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		var bad = loggedIn("admin").postJson("/api/v1/exchange/sources/" + source + "/mappings", """
				{"codeClass":"STAGE","externalCode":"10","ourCode":"FINISHED"}""");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad.body()).get("detail").asString()).contains("本平台没有办理阶段代码“FINISHED”");
		assertThat(post(system, batch(unmapped), 200).get("results").get(0).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForObject("select stage from sv_act where source = ? and external_id = 'M1'", String.class, source)).isEqualTo("CLOSED");
		// a supervisor reads the mappings but may not change them
		HttpSession supervisor = loggedIn("jiandu");
		assertThat(supervisor.get("/api/v1/exchange/sources/" + source + "/mappings").statusCode()).isEqualTo(200);
		assertThat(supervisor.postJson("/api/v1/exchange/sources/" + source + "/mappings", """
				{"codeClass":"STAGE","externalCode":"11","ourCode":"FILED"}""").statusCode()).isEqualTo(403);
	}

	@Test
	void excelUploadRoundTrip() {
		HttpSession supervisor = loggedIn("jiandu");
		byte[] template = supervisor.getBytes("/api/v1/exchange/acts/excel-template");
		List<List<String>> rows = Excel.read(new java.io.ByteArrayInputStream(template), ActExcel.COLUMNS.size());
		assertThat(rows.get(0)).isEqualTo(ActExcel.headers()).contains("外部编号", "执法证号（多个以、分隔）");
		// the example row gives the coded columns in words, which are read as the codes
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
			List<String> example = new ArrayList<>();
			book.getSheetAt(0).getRow(1).forEach(cell -> example.add(cell.toString()));
			assertThat(example).contains("行政处罚（普通程序）", "法人或者其他组织", "已作出决定", "给予行政处罚");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		List<String> goodRow = new ArrayList<>(java.util.Collections.nCopies(ActExcel.COLUMNS.size(), ""));
		Map<String, String> cells = Map.ofEntries(Map.entry("externalId", "X1"), Map.entry("version", "1"), Map.entry("bodyCode", marketUscc),
				Map.entry("matterCode", "ZF-CF-001"), Map.entry("partyKind", "1"), Map.entry("partyName", "表格报送公司"),
				Map.entry("partyUscc", uscc("91533103TX0000077")), Map.entry("stage", "04"), Map.entry("actDate", today.toString()),
				Map.entry("filedOn", today.plusDays(1).toString().replace("-", "/")), Map.entry("decidedOn", on.toString()), Map.entry("decisionOutcome", "给予行政处罚"),
				Map.entry("fine", "2,000.50"), Map.entry("hearingRight", "是"), Map.entry("officerCertificates", good + "、" + expired),
				Map.entry("reviewOutcome", "撤销"));
		for (int c = 0; c < ActExcel.COLUMNS.size(); c++) {
			goodRow.set(c, cells.getOrDefault(ActExcel.COLUMNS.get(c)[1], ""));
		}
		List<String> badRow = new ArrayList<>(goodRow);
		badRow.set(0, "X2");
		badRow.set(12, "2026-02-30");
		badRow.set(18, "也许");
		byte[] upload = Excel.workbook("执法行为", ActExcel.headers(), List.of(goodRow, badRow));

		var res = supervisor.postMultipart("/api/v1/exchange/acts/excel", Map.of("source", source), "file", "acts.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", upload);

		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		JsonNode r = json(res.body()).get("results");
		assertThat(r.get(0).get("index").asInt()).isEqualTo(2);
		assertThat(r.get(0).get("status").asString()).as(r.get(0).toString()).isEqualTo("ACCEPTED");
		assertThat(r.get(1).get("index").asInt()).isEqualTo(3);
		assertThat(r.get(1).get("status").asString()).isEqualTo("REFUSED");
		assertThat(errors(r.get(1))).contains("actDate：违法行为日期“2026-02-30”不是有效日期（如 2026-03-05）", "hearingRight：告知听证权利应填“是”或“否”");
		// imported acts stand under the source's Excel channel: an upload cannot replace what the system itself reported
		var x1 = jdbc.queryForMap("select * from sv_act where source = ? and external_id = 'X1'", source + ActExchange.EXCEL_SUFFIX);
		assertThat(x1.get("fine")).isEqualTo(200050L);
		assertThat(x1.get("hearing_right")).isEqualTo(true);
		assertThat(x1.get("stage")).isEqualTo("DECIDED");
		assertThat(jdbc.queryForObject("select details -> 'remedies' -> 0 ->> 'outcome' from sv_act where source = ? and external_id = 'X1'", String.class,
				source + ActExchange.EXCEL_SUFFIX)).isEqualTo("REVOKED");
		assertThat(acts()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ?", Long.class, source + ActExchange.EXCEL_SUFFIX)).isEqualTo(1);
		// a sheet filled on the template before 复议/诉讼 were added (33 columns) is still read
		List<String> earlierRow = new ArrayList<>(goodRow.subList(0, 33));
		earlierRow.set(0, "X3");
		byte[] earlier = Excel.workbook("执法行为", ActExcel.headers().subList(0, 33), List.of(earlierRow));
		var read = supervisor.postMultipart("/api/v1/exchange/acts/excel", Map.of("source", source), "file", "earlier.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", earlier);
		assertThat(json(read.body()).get("results").get(0).get("status").asString()).as(read.body()).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ?", Long.class, source + ActExchange.EXCEL_SUFFIX)).isEqualTo(2);
		// an officer may not upload
		assertThat(loggedIn("scj.zhifa").postMultipart("/api/v1/exchange/acts/excel", Map.of("source", source), "file", "acts.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", upload).statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ?", Long.class, source + ActExchange.EXCEL_SUFFIX)).isEqualTo(2);
	}

	/**
	 * The same import on a page, for a supervisor without the API: the template, the upload, the result by sheet row
	 * (refused rows with their reasons, and their error workbook), a sheet that cannot be read refused whole; an officer
	 * gets no page.
	 */
	@Test
	void aSupervisorImportsASheetOnThePageAndSeesEachRefusedRow() {
		HttpSession supervisor = loggedIn("jiandu");
		String page = "/supervision/exchange/" + source + "/import";
		assertThat(supervisor.get("/supervision/exchange/" + source).body()).contains("href=\"" + page + "\"");
		var form = supervisor.get(page);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"import-form\"", "/supervision/exchange/import/template.xlsx", source + "-XLS");
		List<List<String>> template = Excel.read(new java.io.ByteArrayInputStream(supervisor.getBytes("/supervision/exchange/import/template.xlsx")),
				ActExcel.COLUMNS.size());
		assertThat(template.get(0)).isEqualTo(ActExcel.headers());
		assertThat(loggedIn("scj.zhifa").get(page).statusCode()).isEqualTo(403);

		List<String> goodRow = new ArrayList<>(java.util.Collections.nCopies(ActExcel.COLUMNS.size(), ""));
		Map<String, String> cells = Map.ofEntries(Map.entry("externalId", "P1"), Map.entry("version", "1"), Map.entry("bodyCode", marketUscc),
				Map.entry("matterCode", "ZF-CF-001"), Map.entry("partyKind", "1"), Map.entry("partyName", "页面导入公司"),
				Map.entry("partyUscc", uscc("91533103TX0000078")), Map.entry("stage", "04"), Map.entry("actDate", today.toString()),
				Map.entry("filedOn", today.plusDays(1).toString()), Map.entry("decidedOn", on.toString()), Map.entry("decisionOutcome", "PENALTY"),
				Map.entry("fine", "800"), Map.entry("officerCertificates", good + "、" + expired));
		for (int c = 0; c < ActExcel.COLUMNS.size(); c++) {
			goodRow.set(c, cells.getOrDefault(ActExcel.COLUMNS.get(c)[1], ""));
		}
		List<String> badRow = new ArrayList<>(goodRow);
		badRow.set(0, "P2");
		badRow.set(12, "2026-02-30");
		byte[] upload = Excel.workbook("执法行为", ActExcel.headers(), List.of(goodRow, badRow));
		String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		var done = supervisor.postMultipart(page, Map.of(), "file", "acts.xlsx", xlsx, upload);
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("共 2 行：接收 1 行，未变化 0 行", "拒收 1 行（未写入）", "id=\"refused-rows\"", "<td>3</td>", "<td>P2</td>",
				"违法行为日期“2026-02-30”不是有效日期", "id=\"warned-rows\"");
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ? and external_id in ('P1', 'P2')", Long.class,
				source + ActExchange.EXCEL_SUFFIX)).isOne();
		List<List<String>> report = Excel.read(new java.io.ByteArrayInputStream(supervisor.getBytes("/supervision/exchange/import/errors.xlsx")), 3);
		assertThat(report.get(1)).containsExactly("3", "P2", report.get(1).get(2));
		assertThat(report.get(1).get(2)).contains("违法行为日期“2026-02-30”不是有效日期");
		// the same sheet again: the good row is unchanged, nothing new written
		assertThat(supervisor.postMultipart(page, Map.of(), "file", "acts.xlsx", xlsx, upload).body()).contains("接收 0 行，未变化 1 行");
		// a file that is not the template's sheet, or none: refused whole, nothing written
		long acts = jdbc.queryForObject("select count(*) from sv_act where source = ?", Long.class, source + ActExchange.EXCEL_SUFFIX);
		assertThat(supervisor.postMultipart(page, Map.of(), "file", "other.xlsx", xlsx, Excel.workbook("别的表", List.of("姓名"), List.of(List.of("张三"))))
			.body()).contains("id=\"import-error\"", "表头与模板不一致");
		assertThat(supervisor.postMultipart(page, Map.of(), "file", "notes.txt", "text/plain", "不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.body()).contains("id=\"import-error\"");
		assertThat(supervisor.postMultipart(page, Map.of(), "file", "empty.xlsx", xlsx, new byte[0]).body()).contains("请选择要导入的 Excel 文件");
		assertThat(jdbc.queryForObject("select count(*) from sv_act where source = ?", Long.class, source + ActExchange.EXCEL_SUFFIX)).isEqualTo(acts);
	}

	@Test
	void aTokenOfABodyTheSourceDoesNotReportForIsRefusedAndNothingIsWritten() {
		var issued = loggedIn("zhefang.admin").postJson("/api/v1/tokens", "{\"name\":\"遮放镇系统（报送测试）\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		HttpSession other = HttpSession.withToken(port, json(issued.body()).get("secret").asString());
		String exchangeEntries = "select count(*) from record_entry where action like 'exchange.%' and subject_id in (select cast(id as varchar) from sv_source_system where code = ?)";
		long entries = jdbc.queryForObject(exchangeEntries, Long.class, source);
		JsonNode res = post(other, batch(act("T1", 1, "")), 403);
		assertThat(res.get("detail").asString()).contains("不是报送系统“综合执法业务系统（测试）”（" + source + "）的报送单位");
		assertThat(acts()).isZero();
		assertThat(jdbc.queryForObject(exchangeEntries, Long.class, source)).isEqualTo(entries);
		// a signed-in user (no token) may not post a batch either
		assertThat(loggedIn("zhzf.zhifa").postJsonWithHeader("/api/v1/exchange/acts", batch(act("T2", 1, "")), "X-Source-System", source).statusCode())
			.isEqualTo(403);
		assertThat(acts()).isZero();
	}

	@Test
	void malformedBatchesAreRefusedWithA400InChinese() {
		JsonNode broken = post(system, "{\"acts\":[{\"externalId\":\"Z1\",", 400);
		assertThat(broken.get("detail").asString()).isEqualTo("请求体不是有效的 JSON，或字段类型不正确");
		JsonNode empty = post(system, "{\"acts\":[]}", 400);
		assertThat(empty.get("detail").asString()).contains("批次中没有执法行为");
		JsonNode nul = post(system, batch(act("Z2", 1, "").replace("报送测试公司", "报送\\u0000公司")), 400);
		assertThat(nul.get("detail").asString()).contains("控制字符");
		var noHeader = system.postJson("/api/v1/exchange/acts", batch(act("Z3", 1, "")));
		assertThat(noHeader.statusCode()).isEqualTo(400);
		assertThat(json(noHeader.body()).get("detail").asString()).contains("X-Source-System");
		var unknown = system.postJsonWithHeader("/api/v1/exchange/acts", batch(act("Z4", 1, "")), "X-Source-System", "NO-SUCH-SYSTEM");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown.body()).get("detail").asString()).contains("报送系统“NO-SUCH-SYSTEM”未登记或已停用");
		// a value of the wrong type names its field and act in the batch, and what it should be; 1.5 is not a version
		JsonNode words = post(system, batch(act("Z5", 1, ""), act("Z6", 1, "").replace("\"fine\":500000", "\"fine\":\"五百\"")), 400);
		assertThat(words.get("detail").asString()).isEqualTo("字段 acts[1].fine 的值“五百”不正确：应为整数");
		assertThat(words.get("errors").get("acts[1].fine").asString()).isEqualTo("应为整数");
		JsonNode half = post(system, batch(act("Z7", 1, "").replace("\"version\":1", "\"version\":1.5")), 400);
		assertThat(half.get("detail").asString()).startsWith("字段 acts[0].version 的值");
		// a body over 20 MB is refused before it is read (30 MB of padding was accepted)
		var huge = system.postJsonWithHeader("/api/v1/exchange/acts", batch(act("Z9", 1, ",\"padding\":\"" + "x".repeat(21 * 1024 * 1024) + "\"")),
				"X-Source-System", source);
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(json(huge.body()).get("detail").asString()).contains("请求体超过 20MB");
		// an address that does not exist: a Chinese problem detail, not Spring's English error
		var nowhere = system.get("/api/v1/no-such-resource");
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(json(nowhere.body()).get("detail").asString()).contains("没有这个接口：GET /api/v1/no-such-resource");
		assertThat(loggedIn("jiandu").get("/no-such-page").statusCode()).isEqualTo(404);
		JsonNode day = post(system, batch(act("Z8", 1, "").replaceFirst("\"actDate\":\"[0-9-]+\"", "\"actDate\":\"2026-13-45\"")), 400);
		assertThat(day.get("detail").asString()).contains("acts[0].actDate", "应为日期（如 2026-12-03）");
		assertThat(acts()).isZero();
	}

	@Test
	void thePlatformAdministratorKeepsSourcesAndMappingsOnAPage() {
		HttpSession admin = loggedIn("admin");
		long transport = bodyId("芒市交通运输局");
		var created = admin.postForm("/supervision/exchange", Map.of("_csrf", admin.csrf(), "code", "page-test-sys", "name", "页面登记测试系统", "active", "true",
				"bodyIds", String.valueOf(transport)));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select name from sv_source_system where code = 'PAGE-TEST-SYS'", String.class)).isEqualTo("页面登记测试系统");
		var page = admin.get("/supervision/exchange/PAGE-TEST-SYS");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("页面登记测试系统", "芒市交通运输局", "没有映射");
		assertThat(admin.postForm("/supervision/exchange/PAGE-TEST-SYS/mappings", Map.of("_csrf", admin.csrf(), "codeClass", "STAGE", "externalCode", "YJ",
				"ourCode", "DECIDED")).statusCode()).isEqualTo(302);
		assertThat(admin.get("/supervision/exchange/PAGE-TEST-SYS").body()).contains("YJ", "DECIDED");
		// a mapping to a code the platform does not have is refused with the reason, and nothing is kept
		admin.postForm("/supervision/exchange/PAGE-TEST-SYS/mappings", Map.of("_csrf", admin.csrf(), "codeClass", "STAGE", "externalCode", "XX", "ourCode", "NOPE"));
		assertThat(admin.get("/supervision/exchange/PAGE-TEST-SYS").body()).contains("alert-danger");
		assertThat(jdbc.queryForObject("select count(*) from sv_code_mapping m join sv_source_system s on s.id = m.source_id where s.code = 'PAGE-TEST-SYS'",
				Long.class)).isEqualTo(1);
		// a supervisor may look, not change
		HttpSession supervisor = loggedIn("jiandu");
		assertThat(supervisor.get("/supervision/exchange").body()).contains("PAGE-TEST-SYS");
		assertThat(supervisor.postForm("/supervision/exchange/PAGE-TEST-SYS/mappings/delete", Map.of("_csrf", supervisor.csrf(), "codeClass", "STAGE",
				"externalCode", "YJ")).statusCode()).isEqualTo(403);
		assertThat(admin.postForm("/supervision/exchange/PAGE-TEST-SYS/mappings/delete", Map.of("_csrf", admin.csrf(), "codeClass", "STAGE", "externalCode", "YJ"))
			.statusCode()).isEqualTo(302);
		assertThat(admin.get("/supervision/exchange/PAGE-TEST-SYS").body()).contains("没有映射");
		assertThat(loggedIn("scj.admin").get("/supervision/exchange").statusCode()).isEqualTo(403);
	}
}
