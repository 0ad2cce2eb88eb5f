package zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;
import zhifa.shared.Uscc;

/** Cases a test builds for itself through the HTTP API, each step checked: a clue, a filed case, a decided and served fine. */
public final class CaseScenarios {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;
	private final Clock clock;

	public CaseScenarios(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer_view where name = ?", Long.class, name);
	}

	/** A clue of the market bureau against an organisation with a valid, made-up credit code ({@code serial} keeps it unique). */
	public long clue(HttpSession officer, String party, int serial) {
		return clue(officer, party, serial, "德宏州芒市测试路1号");
	}

	/** {@link #clue} with the party's address as given (null: none, as when a report does not say it). */
	public long clue(HttpSession officer, String party, int serial, String address) {
		String code = "91533103MD" + String.format("%07d", 8_100_000 + serial);
		code = code.substring(0, 17) + Uscc.checkCharacter(code.substring(0, 17));
		var r = officer.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"ORGANIZATION","partyName":"%s","partyUscc":"%s",
				 %s"placeRegionId":3,"actDate":"%s","description":"测试案源"}""".formatted(
				jdbc.queryForObject("select id from body_view where name = '芒市市场监督管理局'", Long.class),
				jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class), party, code,
				address == null ? "" : "\"partyAddress\":\"" + address + "\",", LocalDate.now(clock).minusDays(5)));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return JSON.readTree(r.body()).get("id").asLong();
	}

	/** The filing request: the two certified officers of the market bureau, an earlier filing elsewhere acknowledged. */
	public String filing() {
		return "{\"officerIds\":[%d,%d],\"acknowledgeEarlierFiling\":true}".formatted(officer("张伟"), officer("岩温"));
	}

	/** A clue filed by the head. */
	public long filed(HttpSession officer, HttpSession head, String party, int serial) {
		long id = clue(officer, party, serial);
		assertThat(head.postJson("/api/v1/cases/" + id + "/filing", filing()).statusCode()).isEqualTo(200);
		return id;
	}

	/** A fine of 60,000 yuan decided under the general procedure and served today (so due in fifteen days). */
	public long decidedAndServed(HttpSession officer, HttpSession head, String party, int serial) {
		return decidedAndServed(officer, head, party, serial, id -> {
		});
	}

	/** {@link #decidedAndServed}, with {@code investigation} run on the filed case before the proposal (a 查封, say). */
	public long decidedAndServed(HttpSession officer, HttpSession head, String party, int serial, java.util.function.LongConsumer investigation) {
		return decided(officer, head, party, serial, investigation, true);
	}

	/** The same fine decided today, not yet served. */
	public long decided(HttpSession officer, HttpSession head, String party, int serial) {
		return decided(officer, head, party, serial, id -> {
		}, false);
	}

	private long decided(HttpSession officer, HttpSession head, String party, int serial, java.util.function.LongConsumer investigation, boolean serve) {
		long id = filed(officer, head, party, serial);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		ok(officer.postJson(base + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"%s","content":"检查情况"}""".formatted(today, party)));
		investigation.accept(id);
		ok(officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000}"));
		ok(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}"));
		ok(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today)));
		ok(IntegrationTestBase.waive(officer, id, "STATEMENT", today));
		ok(head.postJson(base + "/decision", "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6000000,\"text\":\"依据食品安全法\"}"));
		if (!serve) {
			return id;
		}
		ok(officer.postJson(base + "/service", """
				{"method":"DIRECT","servedOn":"%s","recipient":"法定代表人","proof":"回证"}""".formatted(today)));
		return id;
	}

	private static void ok(java.net.http.HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}
}
