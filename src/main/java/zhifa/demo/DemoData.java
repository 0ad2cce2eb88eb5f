package zhifa.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.identity.AccountForm;
import zhifa.identity.Accounts;
import zhifa.identity.Role;
import zhifa.identity.TwoFactor;
import zhifa.organization.Bodies;
import zhifa.organization.BodyForm;
import zhifa.organization.BodyKind;
import zhifa.organization.EnforcementBody;
import zhifa.shared.DataScope;
import zhifa.shared.Uscc;

/**
 * Loads the 芒市 demo dataset on the first start only (marker row in {@code demo_load}). It runs once every bean is
 * ready and before the web server opens its port, so nobody can try a demo login (and be told the password is wrong)
 * while the data is still being written.
 */
@Component
class DemoData implements SmartInitializingSingleton {

	/** The password of every demo account (listed in the README). */
	static final String PASSWORD = zhifa.identity.PasswordPolicy.DEMO_PASSWORD;

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);
	private static final long DEHONG = 2, MANGSHI = 3;

	private final boolean enabled;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final Bodies bodies;
	private final Accounts accounts;
	private final TwoFactor twoFactor;
	private final OfficerDemoData officerDemo;
	private final LegalDemoData legalDemo;
	private final DiscretionDemoData discretionDemo;
	private final CatalogueDemoData catalogueDemo;
	private final CaseDemoData caseDemo;
	private final SupervisionDemoData supervisionDemo;
	private final ActionPlanDemoData actionPlanDemo;
	private final CampaignDemoData campaignDemo;
	private final ComplaintDemoData complaintDemo;
	private final InspectionDemoData inspectionDemo;
	private final Clock clock;
	private int serial;

	DemoData(@Value("${zhifa.demo.enabled:false}") boolean enabled, JdbcTemplate jdbc, TransactionTemplate tx, Bodies bodies,
			Accounts accounts, TwoFactor twoFactor, OfficerDemoData officerDemo, LegalDemoData legalDemo, DiscretionDemoData discretionDemo, CatalogueDemoData catalogueDemo,
			CaseDemoData caseDemo, SupervisionDemoData supervisionDemo, ComplaintDemoData complaintDemo, InspectionDemoData inspectionDemo,
			ActionPlanDemoData actionPlanDemo, CampaignDemoData campaignDemo, Clock clock) {
		this.clock = clock;
		this.actionPlanDemo = actionPlanDemo;
		this.campaignDemo = campaignDemo;
		this.inspectionDemo = inspectionDemo;
		this.caseDemo = caseDemo;
		this.supervisionDemo = supervisionDemo;
		this.complaintDemo = complaintDemo;
		this.discretionDemo = discretionDemo;
		this.catalogueDemo = catalogueDemo;
		this.officerDemo = officerDemo;
		this.legalDemo = legalDemo;
		this.enabled = enabled;
		this.jdbc = jdbc;
		this.tx = tx;
		this.bodies = bodies;
		this.accounts = accounts;
		this.twoFactor = twoFactor;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!enabled) {
			return;
		}
		againIfTheDayChanged(() -> LocalDate.now(clock), () -> tx.executeWithoutResult(status -> {
			int inserted = jdbc.update("insert into demo_marker (id, loaded_at) values (1, now()) on conflict do nothing");
			if (inserted == 0) {
				// a demo database from before a module had demo data gets that module's part once
				inspectionDemo.loadIfEmpty();
				jdbc.queryForList("select id from body_view where name = '遮放镇人民政府' and demo", Long.class).forEach(catalogueDemo::townshipInspection);
				return;
			}
			load();
			log.info("Loaded the 芒市 demo dataset");
		}));
	}

	/**
	 * Runs {@code load} (one transaction); if it fails and the day has changed since it began, runs it once more. The
	 * demo cases are dated from the day the load began ("served today", "paid today") while the platform dates each
	 * step by its clock, so a load that runs across midnight in 芒市 (16:00 UTC) was refused by the platform's own rules
	 * (a notice made on the new day, served on the old one) and the whole start failed; the failed attempt left
	 * nothing, its transaction is rolled back.
	 */
	static void againIfTheDayChanged(Supplier<LocalDate> today, Runnable load) {
		LocalDate began = today.get();
		try {
			load.run();
		}
		catch (RuntimeException e) {
			LocalDate now = today.get();
			if (now.equals(began)) {
				throw e;
			}
			log.warn("Demo data load ran across midnight ({} to {}) and was refused; loading it again: {}", began, now, e.toString());
			load.run();
		}
	}

	private void load() {
		serial = 0;
		Map<String, Long> ids = new HashMap<>();
		// 州级
		ids.put("州司法局", body("德宏州司法局", "11", BodyKind.ADMINISTRATIVE_ORGAN, DEHONG, true, List.of("JUSTICE"), null));
		ids.put("州生态环境局", body("德宏州生态环境局", "11", BodyKind.ADMINISTRATIVE_ORGAN, DEHONG, false, List.of("ECOLOGY"), null));
		// 芒市市级 (方案三(一)所列部门)
		ids.put("市政府", body("芒市人民政府", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of(), null));
		ids.put("司法局", body("芒市司法局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, true, List.of("JUSTICE"), null));
		ids.put("编办", body("中共芒市委员会机构编制委员会办公室", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of(), null));
		ids.put("公安局", body("芒市公安局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("PUBLIC_SECURITY"), null));
		ids.put("发改局", body("芒市发展和改革局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("DEVELOPMENT"), null));
		ids.put("财政局", body("芒市财政局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("FINANCE"), null));
		ids.put("人社局", body("芒市人力资源和社会保障局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("HUMAN_RESOURCES"), null));
		ids.put("综合执法局", body("芒市综合行政执法局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("URBAN"), null));
		ids.put("住建局", body("芒市住房和城乡建设局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("HOUSING"), null));
		ids.put("交通局", body("芒市交通运输局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("TRANSPORT"), null));
		ids.put("水务局", body("芒市水务局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("WATER"), null));
		ids.put("农业农村局", body("芒市农业农村局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("AGRICULTURE"), null));
		ids.put("卫健局", body("芒市卫生健康局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("HEALTH"), null));
		ids.put("应急局", body("芒市应急管理局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("EMERGENCY"), null));
		ids.put("市场监管局", body("芒市市场监督管理局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("MARKET", "HEALTH"), null));
		ids.put("政务服务局", body("芒市政务服务管理局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("GOVERNMENT_SERVICE"), null));
		// 垂直管理: 生态环境部门的县级分局由州局直接管理
		BodyForm branch = form("德宏州生态环境局芒市分局", "11", BodyKind.ADMINISTRATIVE_ORGAN, MANGSHI, false, List.of("ECOLOGY"));
		branch.setVertical(true);
		branch.setSuperiorBodyId(ids.get("州生态环境局"));
		ids.put("生态环境分局", bodies.create(DataScope.all(), branch, true).id());
		// 受委托组织
		BodyForm entrusted = form("芒市农业综合行政执法大队", "12", BodyKind.ENTRUSTED_ORGANIZATION, MANGSHI, false, List.of("AGRICULTURE"));
		BodyForm.EntrustmentForm e = new BodyForm.EntrustmentForm();
		e.setEntrustingBodyId(ids.get("农业农村局"));
		e.setDocumentNumber("芒农委〔2024〕3号（演示）");
		e.setScope("种子、农药、肥料、兽药、饲料领域的行政处罚");
		e.setAuthority("以芒市农业农村局名义实施调查取证和作出行政处罚决定，不得再委托");
		e.setValidFrom(LocalDate.of(2024, 1, 1));
		e.setValidTo(LocalDate.of(2026, 12, 31));
		e.setPublished(true);
		entrusted.setEntrustment(e);
		ids.put("农业执法大队", bodies.create(DataScope.all(), entrusted, true).id());
		// 12 个乡镇（街道）
		String[][] townships = { { "勐焕街道办事处", "4" }, { "芒市镇人民政府", "5" }, { "遮放镇人民政府", "6" }, { "勐戛镇人民政府", "7" },
				{ "芒海镇人民政府", "8" }, { "风平镇人民政府", "9" }, { "轩岗乡人民政府", "10" }, { "江东乡人民政府", "11" },
				{ "西山乡人民政府", "12" }, { "中山乡人民政府", "13" }, { "五岔路乡人民政府", "14" }, { "三台山德昂族乡人民政府", "15" } };
		for (String[] t : townships) {
			ids.put(t[0], body(t[0], "11", BodyKind.ADMINISTRATIVE_ORGAN, Long.parseLong(t[1]), false, List.of("TOWNSHIP"), null));
		}

		user("admin", "平台管理员", null, Role.PLATFORM_ADMIN);
		user("anquan", "何安", null, Role.SECURITY_ADMIN);
		user("shenji", "段审", null, Role.AUDIT_ADMIN);
		for (String admin : List.of("admin", "anquan", "shenji")) {
			twoFactor.enrolWithSecret(jdbc.queryForObject("select id from account_view where username = ?", Long.class, admin), TwoFactor.DEMO_SECRET);
		}
		user("jiandu", "李建华", ids.get("司法局"), Role.SUPERVISOR);
		user("zhou.jiandu", "杨丽萍", ids.get("州司法局"), Role.SUPERVISOR);
		user("sfj.admin", "赵明", ids.get("司法局"), Role.UNIT_ADMIN);
		user("scj.admin", "王芳", ids.get("市场监管局"), Role.UNIT_ADMIN);
		user("scj.zhifa", "张伟", ids.get("市场监管局"), Role.OFFICER);
		user("scj.zhifa2", "岩温", ids.get("市场监管局"), Role.OFFICER);
		user("scj.fuze", "刘强", ids.get("市场监管局"), Role.LEADER);
		user("scj.fazhi", "陈静", ids.get("市场监管局"), Role.LEGAL_REVIEWER);
		user("zhzf.zhifa", "孙磊", ids.get("综合执法局"), Role.OFFICER);
		user("zhefang.admin", "玉罕", ids.get("遮放镇人民政府"), Role.UNIT_ADMIN, Role.OFFICER);
		user("scj.xinren", "赵刚", ids.get("市场监管局"), Role.OFFICER);
		officerDemo.load(ids);
		legalDemo.load();
		catalogueDemo.load(ids);
		discretionDemo.load();
		caseDemo.load(ids);
		supervisionDemo.load(ids);
		campaignDemo.load(ids);
		actionPlanDemo.load();
		complaintDemo.load(ids);
		inspectionDemo.load();
	}

	private long body(String name, String prefix, BodyKind kind, long regionId, boolean supervisory, List<String> domains,
			Long superior) {
		BodyForm f = form(name, prefix, kind, regionId, supervisory, domains);
		f.setSuperiorBodyId(superior);
		EnforcementBody b = bodies.create(DataScope.all(), f, true);
		return b.id();
	}

	private BodyForm form(String name, String prefix, BodyKind kind, long regionId, boolean supervisory, List<String> domains) {
		BodyForm f = new BodyForm();
		f.setName(name);
		f.setUscc(demoUscc(prefix, regionId <= MANGSHI ? (regionId == DEHONG ? "533100" : "533103") : "533103"));
		f.setKind(kind);
		f.setRegionId(regionId);
		f.setSupervisory(supervisory);
		f.setDomainCodes(new ArrayList<>(domains));
		f.setQualificationNotice(kind == BodyKind.ENTRUSTED_ORGANIZATION ? null : "芒政执资〔2024〕1号（演示）");
		// what the documents name: the real 复议机关 (行政复议法第二十四条: the government at the body's level) and the basic
		// court at 芒市; the bank, account, channel and contact are invented and marked 演示 (the telephone is all zeros)
		f.setReviewOrgan(regionId == DEHONG ? "德宏傣族景颇族自治州人民政府" : "芒市人民政府");
		f.setCourt("芒市人民法院");
		f.setPaymentBank("中国农业银行股份有限公司芒市支行（演示）");
		f.setPaymentAccount("2405 0101 0400 0000 1");
		f.setPaymentChannel("云南省非税收入统一缴款平台（演示）");
		f.setContactPerson("李明（演示）");
		f.setContactPhone("0692-0000000");
		f.setContactAddress("德宏州芒市勐焕大街1号（演示地址）");
		return f;
	}

	/** A code of the right shape with a valid check character; "MD" marks it as demo in the organisation-code part. */
	private String demoUscc(String registrationPrefix, String regionCode) {
		serial++;
		String first17 = registrationPrefix + regionCode + "MD" + String.format("%07d", serial);
		return first17 + Uscc.checkCharacter(first17);
	}

	private void user(String username, String name, Long bodyId, Role... roles) {
		AccountForm f = new AccountForm();
		f.setUsername(username);
		f.setDisplayName(name);
		f.setBodyId(bodyId);
		f.setRoles(EnumSet.of(roles[0], roles));
		f.setPassword(PASSWORD);
		accounts.create(null, f, true);
	}

}
