package zhifa.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.officer.CertificateStatus;
import zhifa.officer.Certificates;
import zhifa.officer.Exams;
import zhifa.officer.Officer;
import zhifa.officer.OfficerForm;
import zhifa.officer.OfficerStatus;
import zhifa.officer.Officers;
import zhifa.officer.StaffingType;
import zhifa.officer.Training;
import zhifa.officer.TrainingCategory;
import zhifa.officer.TrainingKind;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;

/**
 * Demo officers with certificates in every state, a small question bank with an open exam, and a training year in
 * progress — so that a new user sees live figures. ID numbers are generated with a valid check character (not real people).
 */
@Component
class OfficerDemoData {

	private final Officers officers;
	private final Certificates certificates;
	private final Training training;
	private final Exams exams;
	private final Clock clock;
	private int serial;

	OfficerDemoData(Officers officers, Certificates certificates, Training training, Exams exams, Clock clock) {
		this.officers = officers;
		this.certificates = certificates;
		this.training = training;
		this.exams = exams;
		this.clock = clock;
	}

	void load(Map<String, Long> bodies) {
		serial = 0; // a second attempt (DemoData.againIfTheDayChanged) gives the officers the same numbers
		LocalDate today = LocalDate.now(clock);
		long market = bodies.get("市场监管局");
		long urban = bodies.get("综合执法局");
		long zhefang = bodies.get("遮放镇人民政府");
		long justice = bodies.get("司法局");
		long police = bodies.get("公安局");
		long agriTeam = bodies.get("农业执法大队");

		Officer zhangwei = officer(market, "张伟", "执法科科员", StaffingType.ESTABLISHED, List.of("MARKET"), "scj.zhifa", false, false, null);
		Officer yanwen = officer(market, "岩温", "执法科科员", StaffingType.ESTABLISHED, List.of("MARKET"), "scj.zhifa2", false, false, null);
		Officer liuqiang = officer(market, "刘强", "分管副局长", StaffingType.ESTABLISHED, List.of("MARKET", "HEALTH"), "scj.fuze", false, false, null);
		Officer chenjing = officer(market, "陈静", "法规股股长", StaffingType.ESTABLISHED, List.of("MARKET"), "scj.fazhi", false, true, "A20185301234567");
		Officer mali = officer(market, "马丽", "执法监督员", StaffingType.ESTABLISHED, List.of("MARKET"), null, true, false, null);
		Officer liming = officer(market, "李明", "执法科科员", StaffingType.CONTRACT, List.of("MARKET"), null, false, false, null);
		Officer zhaogang = officer(market, "赵刚", "执法科科员（新入职）", StaffingType.ESTABLISHED, List.of("MARKET"), "scj.xinren", false, false, null);
		officer(market, "王小红", "协管员", StaffingType.AUXILIARY, List.of(), null, false, false, null);
		Officer heping = officer(market, "何平", "执法科科员", StaffingType.ESTABLISHED, List.of("MARKET"), null, false, false, null);

		Officer sunlei = officer(urban, "孙磊", "执法中队队员", StaffingType.ESTABLISHED, List.of("URBAN"), "zhzf.zhifa", false, false, null);
		Officer zhoujie = officer(urban, "周杰", "执法中队中队长", StaffingType.ESTABLISHED, List.of("URBAN"), null, true, true, "A20195309876543");
		Officer wumin = officer(urban, "吴敏", "执法中队队员", StaffingType.CONTRACT, List.of("URBAN"), null, false, false, null);
		Officer yuhan = officer(zhefang, "玉罕", "综合行政执法办主任", StaffingType.ESTABLISHED, List.of("TOWNSHIP", "URBAN"), "zhefang.admin", true, false, null);
		Officer yanbao = officer(zhefang, "岩保", "综合行政执法办干部", StaffingType.ESTABLISHED, List.of("TOWNSHIP"), null, false, false, null);
		officer(zhefang, "玉香", "网格员", StaffingType.AUXILIARY, List.of(), null, false, false, null);
		Officer lijianhua = officer(justice, "李建华", "执法监督科科长", StaffingType.ESTABLISHED, List.of("JUSTICE"), "jiandu", true, true, "A20145301111111");
		Officer zhaoming = officer(justice, "赵明", "执法监督科科员", StaffingType.ESTABLISHED, List.of("JUSTICE"), "sfj.admin", true, false, null);
		Officer gongan = officer(police, "段勇", "治安大队民警", StaffingType.ESTABLISHED, List.of("PUBLIC_SECURITY"), null, false, false, null);
		Officer agri1 = officer(agriTeam, "杨帆", "执法大队队员", StaffingType.ESTABLISHED, List.of("AGRICULTURE"), null, false, false, null);
		Officer agri2 = officer(agriTeam, "金美", "执法大队队员", StaffingType.CONTRACT, List.of("AGRICULTURE"), null, false, false, null);

		LocalDate from = today.minusYears(3);
		LocalDate to = today.plusYears(2);
		for (Officer o : List.of(zhangwei, liuqiang, chenjing, mali, liming, heping, sunlei, zhoujie, yuhan, yanbao, lijianhua, zhaoming, agri1, agri2)) {
			certificate(o, from, to);
		}
		certificate(yanwen, today.minusYears(5).plusMonths(4), today.plusMonths(4));
		certificate(wumin, today.minusYears(5).minusDays(10), today.minusDays(10));
		certificates.expireDue();
		long limingCertificate = certificates.ofOfficer(liming.id()).get(0).id();
		certificates.change(DataScope.all(), limingCertificate, CertificateStatus.SUSPENDED,
				new Certificates.Change("执法过程中未按规定出示证件，被投诉查实", "芒司执监〔" + today.getYear() + "〕3号（演示）", null));
		officers.changeStatus(DataScope.all(), heping.id(), OfficerStatus.RETIRED, today, "到龄退休", "芒人社退〔" + today.getYear() + "〕12号（演示）");

		questionBank();
		Exams.Exam exam = exams.createExam(justice, new Exams.NewExam("市场监管领域行政执法资格考试（" + today.getYear() + "年第二期）", "MARKET", 5, 5,
				today.minusDays(3).atStartOfDay(), today.plusDays(30).atTime(18, 0), 30, 60, true), true);
		exams.addCandidates(DataScope.all(), exam.id(), List.of(zhaogang.id(), liming.id(), chenjing.id()));
		// 陈静 has sat the exam already (public part exempt as a 法律职业资格 holder) and answered everything right
		var paper = exams.start(exam.id(), chenjing.id());
		for (var q : exams.questionsOf(paper.id())) {
			exams.answer(paper.id(), chenjing.id(), q.seq(), answers.get(q.stem()));
		}
		exams.submit(paper.id(), chenjing.id());

		trainingYear(today, justice, market, urban, zhefang, List.of(zhangwei, yanwen, liuqiang, chenjing, mali, liming, zhaogang),
				List.of(sunlei, zhoujie, wumin), List.of(yuhan, yanbao), List.of(lijianhua, zhaoming));
	}

	/**
	 * A demo training day of this year — or today, early in the year before that day has come: attendance is
	 * recorded only for a training held (Training.addAttendees).
	 */
	private static LocalDate held(LocalDate today, int month, int day) {
		LocalDate d = LocalDate.of(today.getYear(), month, day);
		return d.isAfter(today) ? today : d;
	}

	private void trainingYear(LocalDate today, long justice, long market, long urban, long zhefang, List<Officer> marketStaff,
			List<Officer> urbanStaff, List<Officer> townshipStaff, List<Officer> justiceStaff) {
		int year = today.getYear();
		List<Long> everyone = new ArrayList<>();
		for (List<Officer> l : List.of(marketStaff, urbanStaff, townshipStaff, justiceStaff)) {
			l.forEach(o -> everyone.add(o.id()));
		}
		var law = training.createSession(justice, new Training.NewSession("全市行政执法人员公共法律知识培训（行政处罚法专题）", TrainingCategory.PUBLIC_LAW,
				TrainingKind.LECTURE, held(today, 3, 12), BigDecimal.valueOf(12), "芒市行政中心报告厅", List.of()), true);
		training.addAttendees(DataScope.all(), law.id(), everyone, null);
		var online = training.createSession(justice, new Training.NewSession("习近平法治思想与行政复议法网络课程", TrainingCategory.PUBLIC_LAW,
				TrainingKind.ONLINE, held(today, 5, 20), BigDecimal.valueOf(6), "云岭干部在线学院", List.of()), true);
		training.addAttendees(DataScope.all(), online.id(), everyone.subList(0, everyone.size() - 3), null);
		var business = training.createSession(market, new Training.NewSession("市场监管执法业务培训（含乡镇综合执法人员）", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, held(today, 4, 16), BigDecimal.valueOf(30), "市市场监管局会议室", List.of()), true);
		List<Long> businessAttendees = new ArrayList<>(marketStaff.stream().map(Officer::id).toList());
		townshipStaff.forEach(o -> businessAttendees.add(o.id()));
		training.addAttendees(DataScope.all(), business.id(), businessAttendees, null);
		var drill = training.createSession(market, new Training.NewSession("食品安全案件现场检查模拟训练", TrainingCategory.SKILL, TrainingKind.DRILL,
				held(today, 6, 10), BigDecimal.valueOf(12), "芒市农贸市场", List.of()), true);
		training.addAttendees(DataScope.all(), drill.id(), marketStaff.subList(0, 4).stream().map(Officer::id).toList(), null);
		var contest = training.createSession(urban, new Training.NewSession("综合行政执法比武练兵（跨部门联合）", TrainingCategory.SKILL,
				TrainingKind.COMPETITION, held(today, 9, 25), BigDecimal.valueOf(16), "芒市体育馆", List.of(zhefang)), true);
		List<Long> contestants = new ArrayList<>(urbanStaff.stream().map(Officer::id).toList());
		townshipStaff.forEach(o -> contestants.add(o.id()));
		training.addAttendees(DataScope.all(), contest.id(), contestants, null);
		training.savePlan(DataScope.all(), urban, year, year + "年综合行政执法人员轮训计划", "公共法律知识18学时，业务与技能42学时，含比武练兵。", true);
		training.savePlan(DataScope.all(), market, year + 1, (year + 1) + "年市场监管执法人员轮训计划",
				"一季度公共法律知识；二季度食品、特种设备、价格执法业务；三季度模拟训练。", true);
	}

	/** The demo question bank's answers by stem: the demo knows them because it wrote the questions. */
	private final java.util.Map<String, String> answers = new java.util.HashMap<>();

	private void questionBank() {
		String[][] pub = {
				{ "SINGLE", "行政处罚法规定，除法律另有规定外，行政处罚的追责期限为几年？", "一年|两年|三年|五年", "B" },
				{ "SINGLE", "执法人员在调查或者进行检查时，人数不得少于几人？", "一人|两人|三人|四人", "B" },
				{ "SINGLE", "当事人要求听证的，应当在行政机关告知后几日内提出？", "三日|五日|七日|十日", "B" },
				{ "SINGLE", "行政机关应当自行政处罚案件立案之日起多少日内作出行政处罚决定（法律另有规定的除外）？", "三十日|六十日|九十日|一百二十日", "C" },
				{ "MULTIPLE", "下列属于行政处罚法规定的行政处罚种类的有？", "警告、通报批评|罚款|责令停产停业|行政拘留", "ABCD" },
				{ "MULTIPLE", "作出重大执法决定前必须进行法制审核的情形包括？", "涉及重大公共利益的|直接关系当事人重大权益经过听证程序的|案件情况疑难复杂涉及多个法律关系的|所有简易程序案件", "ABC" },
				{ "TRUE_FALSE", "行政机关不得因当事人陈述、申辩而给予更重的处罚。", "", "T" },
				{ "TRUE_FALSE", "受委托组织可以再委托其他组织实施行政处罚。", "", "F" },
				{ "TRUE_FALSE", "当事人对行政处罚决定不服申请行政复议的，行政处罚不停止执行，法律另有规定的除外。", "", "T" },
				{ "SINGLE", "当事人到期不缴纳罚款的，每日按罚款数额的百分之几加处罚款？", "百分之一|百分之二|百分之三|百分之五", "C" },
				{ "TRUE_FALSE", "行政处罚法所称“五日”指工作日，不含法定节假日。", "", "T" },
				{ "SINGLE", "简易程序中对公民当场作出罚款决定的上限是多少元？", "五十元|一百元|二百元|三千元", "C" } };
		addQuestions(Exams.Part.PUBLIC, null, pub);
		String[][] market = {
				{ "SINGLE", "生产经营不符合食品安全标准的食品，货值金额不足一万元的，并处罚款的下限是多少？", "二千元|五千元|五万元|十万元", "C" },
				{ "MULTIPLE", "市场监督管理部门可以采取的措施包括？", "进入生产经营场所实施现场检查|查阅、复制有关合同、票据|查封、扣押不符合食品安全标准的食品|对当事人实施行政拘留", "ABC" },
				{ "TRUE_FALSE", "行政处罚信息应当自作出决定之日起二十个工作日内通过国家企业信用信息公示系统公示。", "", "T" },
				{ "SINGLE", "产品质量法规定，销售失效、变质的产品的，责令停止销售，没收违法销售的产品，并处违法销售产品货值金额多少的罚款？", "等值以下|二倍以下|三倍以下|五倍以上", "B" },
				{ "TRUE_FALSE", "市场监管部门实施“双随机、一公开”监管，抽查事项清单应当向社会公开。", "", "T" },
				{ "SINGLE", "食品经营者未按规定建立并遵守进货查验记录制度的，首先由市场监管部门作出何种处理？", "责令改正，给予警告|直接吊销许可证|移送公安机关|不予处理", "A" },
				{ "MULTIPLE", "以下属于特种设备的有？", "电梯|压力容器|起重机械|家用电饭煲", "ABC" } };
		addQuestions(Exams.Part.PROFESSIONAL, "MARKET", market);
	}

	/** Each row: type, stem, options separated by |, answer. */
	private void addQuestions(Exams.Part part, String domain, String[][] rows) {
		for (String[] q : rows) {
			answers.put(q[1], q[3]);
			exams.addQuestion(null, new Exams.NewQuestion(part, domain, Exams.QuestionType.valueOf(q[0]), q[1],
					q[2].isEmpty() ? List.of() : List.of(q[2].split("\\|")), q[3], null));
		}
	}

	private Officer officer(long bodyId, String name, String post, StaffingType staffing, List<String> domains, String username,
			boolean supervision, boolean reviewer, String legalQualification) {
		serial++;
		LocalDate birth = LocalDate.of(1975 + serial % 20, 1 + serial % 12, 1 + serial % 27);
		String first17 = "533103" + birth.toString().replace("-", "") + String.format("%03d", 100 + serial);
		String id = first17 + IdNumber.checkCharacter(first17);
		OfficerForm f = new OfficerForm();
		f.setBodyId(bodyId);
		f.setName(name);
		f.setIdNumber(id);
		f.setPost(post);
		f.setStaffing(staffing);
		f.setDomainCodes(new ArrayList<>(domains));
		f.setUsername(username);
		f.setSupervisionStaff(supervision);
		f.setLegalReviewer(reviewer);
		f.setLegalQualificationNo(legalQualification);
		f.setPolice(domains.contains("PUBLIC_SECURITY"));
		return officers.create(DataScope.all(), f, true);
	}

	private void certificate(Officer o, LocalDate from, LocalDate to) {
		String number = "530000" + from.getYear() + String.format("%05d", o.id());
		certificates.registerExisting(DataScope.all(), o.id(), o.domainCodes(), "53", "云南省人民政府",
				new Certificates.Issue(number, from, to, "云政执证〔" + from.getYear() + "〕（演示）"), true);
	}
}
