package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.inspection.items.InspectionItems;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** 行政执法公示 without login: bodies, officers with valid certificates, catalogues and their history, inspection items, benchmarks, procedures; ETags. */
class PortalIntegrationTest extends IntegrationTestBase {

	@Autowired
	InspectionItems items;
	@Autowired
	zhifa.record.RecordKeys keys;
	@Autowired
	zhifa.record.SignedAnchors anchors;

	@Test
	void aCitizenSeesTheBodiesTheirOfficersCataloguesAndItemsWithoutLoggingIn() throws Exception {
		long market = bodyId("芒市市场监督管理局");
		HttpSession citizen = new HttpSession(port);
		var home = citizen.get("/portal");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("芒市市场监督管理局", "/portal/bodies/" + market);

		String number = jdbc.queryForObject("""
				select c.number from certificate c join officer o on o.id = c.officer_id where o.name = '张伟' and o.body_id = ? and c.number is not null
				order by c.id desc limit 1""", String.class, market);
		String masked = jdbc.queryForObject("select id_number_masked from officer where name = '张伟' and body_id = ?", String.class, market);
		// from the first start the portal shows a published decision of the demo, with its legal basis
		Long demoItem = jdbc.queryForObject("select min(id) from disclosure_item where status = 'PUBLISHED' and party like '芒市某某食品加工厂（演示）%'", Long.class);
		assertThat(demoItem).isNotNull();
		assertThat(citizen.get("/portal/decisions").body()).contains("芒市某某食品加工厂（演示）");
		assertThat(citizen.get("/portal/decisions/" + demoItem).body()).contains("法律依据", "依据《中华人民共和国食品安全法》第一百二十四条");
		var page = citizen.get("/portal/bodies/" + market).body();
		assertThat(page).contains("张伟", number, "/verify/certificates/" + number, "SJ-CF-001", "现行第", "第1版");
		// a citizen holding a card types its number: the portal and the login page lead to the form, the form to the card
		assertThat(home.body()).contains("href=\"/verify/certificates\"");
		assertThat(citizen.get("/login").body()).contains("id=\"public-links\"", "href=\"/verify/certificates\"", "href=\"/portal\"");
		var form = citizen.get("/verify/certificates");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"certificate-search\"", "请输入执法证件上的证件号").doesNotContain("id=\"not-found\"");
		// read out in groups, with spaces
		String spaced = number.length() > 8 ? number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8) : number;
		var found = citizen.get("/verify/certificates?number=" + java.net.URLEncoder.encode(" " + spaced + " ", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found.statusCode()).isEqualTo(302);
		String at = found.headers().firstValue("Location").orElseThrow();
		assertThat(citizen.get(at.replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"verification\"", "张伟", "证件有效");
		assertThat(citizen.get("/verify/certificates?number=" + "X".repeat(41)).body()).contains("证件号不超过40个字符");
		// read out with dashes between its groups: the same card; a number no card has is not found (404)
		String dashed = number.length() > 8 ? number.substring(0, 4) + "-" + number.substring(4, 8) + "-" + number.substring(8) : number;
		assertThat(citizen.get("/verify/certificates/" + dashed).body()).contains("id=\"verification\"", "张伟");
		// typed on a phone's keyboard in full-width digits
		String fullWidth = number.chars().mapToObj(ch -> String.valueOf((char) (ch >= '0' && ch <= '9' ? ch - '0' + '０' : ch))).collect(java.util.stream.Collectors.joining());
		var wide = citizen.get("/verify/certificates?number=" + java.net.URLEncoder.encode(fullWidth, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(citizen.get(wide.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"verification\"", "张伟");
		assertThat(citizen.get("/verify/certificates/" + java.net.URLEncoder.encode(fullWidth, java.nio.charset.StandardCharsets.UTF_8)).body())
			.contains("id=\"verification\"", "张伟");
		var unknown = citizen.get("/verify/certificates/ZZ99999999");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("id=\"not-found\"", "未查到证件号为");
		assertThat(citizen.get("/verify/certificates/" + "9".repeat(60)).statusCode()).isEqualTo(404);
		// on the public site a missing thing is not found, not "no right to see"
		var missing = citizen.get("/portal/decisions/999999999");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).doesNotContain("无权查看");
		// its standing and the remedies against its decisions, from the body's own data
		assertThat(page).contains("执法主体资格", "资格公告 芒政执资〔2024〕1号", "救济途径", "六十日内", "六个月内");
		// only what the law makes public: no ID number, nobody without a valid certificate
		assertThat(page).doesNotContain(masked, "王小红");
		assertThat(citizen.get("/portal/bodies/" + market + "/catalogues/1").body()).contains("第1版", "SJ-CF-001");
		assertThat(citizen.get("/portal/bodies/999999").statusCode()).isEqualTo(404);

		// the 随机抽查事项清单: what is published shows, what is withdrawn goes
		var live = items.list(DataScope.all(), market).stream().filter(i -> i.matterCode().equals("SJ-JC-001") && i.status() != InspectionItems.Status.WITHDRAWN)
			.findFirst();
		var item = live.orElseGet(() -> items.create(Operator.SYSTEM, market, "SJ-JC-001", "辖区内食品经营者（公示测试）", "现场检查"));
		if (item.status() == InspectionItems.Status.DRAFT) {
			item = items.publish(Operator.SYSTEM, item.id(), item.version());
		}
		assertThat(citizen.get("/portal/bodies/" + market).body()).contains("SJ-JC-001 食品生产经营日常监督检查");
		items.withdraw(Operator.SYSTEM, item.id(), item.version(), "公示测试结束");
		assertThat(citizen.get("/portal/bodies/" + market).body()).doesNotContain("SJ-JC-001 食品生产经营日常监督检查");

		var benchmarks = citizen.get("/portal/benchmarks");
		assertThat(benchmarks.statusCode()).isEqualTo(200);
		assertThat(benchmarks.body()).contains("行政处罚裁量基准", "减免责清单");
		String violation = jdbc.queryForObject("select violation from discretion_benchmark where published order by id limit 1", String.class);
		assertThat(benchmarks.body()).contains(violation);
		// each tier with what it allows, in yuan (the demo's general tier of the food-additive item: 60,000 to 80,000)
		assertThat(benchmarks.body()).contains("处罚：罚款、没收违法所得、没收非法财物；罚款60,000.00元以上80,000.00元以下");
		// on a phone the legal basis, whose column is hidden there, stands under the name
		assertThat(citizen.get("/portal/bodies/" + market).body()).contains("class=\"show-sm small text-muted\"", "依据：");
		assertThat(citizen.get("/portal/procedures").body()).contains("class=\"show-sm text-muted\"", "依据：行政处罚法第五十四条")
			// the ways a case ends are alternatives, not steps on the way to 立案
			.contains("办结的方式（按情况之一）：").doesNotContain("不予立案</span><span aria-hidden=\"true\"> →");
		// the verification and complaint pages are pages of the portal: its header (and its 大字模式)
		assertThat(citizen.get("/verify/certificates").body()).contains("id=\"large-text\"", "/js/portal.js");
		assertThat(citizen.get("/complaints/new").body()).contains("id=\"large-text\"", "/js/portal.js");
		assertThat(citizen.get("/portal/procedures").body()).contains("行政处罚", "行政检查", "立案", "公示检查结果", "行政处罚法第五十四条")
			.doesNotContain("RULES.md");

		// the record's signed anchors and the public key to check them
		var recordPage = citizen.get("/portal/record");
		assertThat(recordPage.statusCode()).isEqualTo(200);
		assertThat(recordPage.body()).contains(keys.publicKeyHex(), "SM3 默克尔根", "/verify/documents");
		anchors.latest(1).forEach(a -> assertThat(recordPage.body()).contains(a.root(), a.signature()));
		// one anchor by its number: what a random draw's page links to as its beacon, however old
		anchors.anchorNow();
		var last = anchors.find(anchors.lastSeq()).orElseThrow();
		assertThat(citizen.get("/portal/record?seq=" + last.seq()).body()).contains(last.root(), "← 最近的签名锚定");
		assertThat(citizen.get("/portal/record?seq=99999999").body()).contains("没有第99999999号签名锚定");

		// a malformed parameter is a Chinese 400, not a server error
		var badYear = citizen.get("/portal/statistics?year=2024%E5%B9%B4");
		assertThat(badYear.statusCode()).isEqualTo(400);
		assertThat(badYear.body()).contains("年份“2024年”的格式不正确", "年份只填数字").contains("href=\"/portal\" class=\"btn btn-primary\" id=\"error-home\"");
		assertThat(citizen.get("/portal/decisions?from=yesterday").statusCode()).isEqualTo(400);

		// cacheable: the same page again with its ETag is 304 without a body
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/procedures")).build(),
				HttpResponse.BodyHandlers.ofString());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/procedures"))
			.header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}
}
