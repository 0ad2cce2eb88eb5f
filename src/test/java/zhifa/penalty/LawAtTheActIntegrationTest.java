package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 行政处罚法第三十七条: the law at the time of the act applies, unless the new one is lighter or no longer makes it a
 * violation. When a law the matter rests on took a new version after the act, the case page says so where the penalty is
 * proposed; it does not while none has.
 */
class LawAtTheActIntegrationTest extends IntegrationTestBase {

	@Test
	void aLawRevisedAfterTheActIsPointedOutWhereThePenaltyIsProposed() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "新旧法商行", 994);
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("id=\"revised-laws\"");
		String law = jdbc.queryForObject("""
				select d.short_title from matter_basis_view b join legal_provision p on p.id = b.provision_id join legal_document d on d.id = p.document_id
				join enforcement_matter m on m.id = b.matter_id where m.code = 'SJ-CF-001' order by d.id limit 1""", String.class);
		LocalDate revised = LocalDate.now(clock).minusDays(2);
		long version = jdbc.queryForObject("""
				insert into legal_document (title, short_title, kind, issuing_body, effective_from, history, articles, created_at)
				select title || '（测试修订）', short_title, kind, issuing_body, ?, '测试修订', 0, now() from legal_document where short_title = ? order by id limit 1
				returning id""", Long.class, revised, law);
		try {
			assertThat(officer.get("/cases/" + id).body()).contains("id=\"revised-laws\"", "违法行为发生后，《" + law + "》（" + revised + " 起施行）",
					"新规定处罚较轻或者不认为是违法的，适用新的规定（行政处罚法第三十七条）");
		}
		finally {
			jdbc.update("delete from legal_document where id = ?", version);
		}
	}
}
