package zhifa.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import zhifa.casework.CaseKinds;
import zhifa.casework.Lifecycle;
import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.Catalogues;
import zhifa.discretion.Benchmark;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.LeniencyLists;
import zhifa.inspection.items.InspectionItems;
import zhifa.officer.Certificate;
import zhifa.officer.Certificates;
import zhifa.officer.Officer;
import zhifa.officer.OfficerStatus;
import zhifa.officer.Officers;
import zhifa.organization.Bodies;
import zhifa.organization.Domains;
import zhifa.organization.EnforcementBody;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;

/**
 * What the portal shows, read from the modules that keep it: only what the law makes public (事前公开) — no ID numbers,
 * no internal notes — and only for active bodies.
 */
@Service
public class Portal {

	/** An officer as the public sees him: name, certificate number, domains and how long it is valid. */
	public record PublicOfficer(String name, String certificateNumber, List<String> domains, LocalDate validTo) {
	}

	/**
	 * A procedure as the kernel declares it: the stages a case goes through while open, the ways it ends (不予立案, 移交,
	 * 结案…: alternatives, not steps of one path), and its steps with who takes them and the article.
	 */
	public record Procedure(String code, String label, List<String> stages, List<String> ends, List<Step> steps) {
	}

	public record Step(String label, String from, String to, String who, String basis) {
	}

	private final Bodies bodies;
	private final Officers officers;
	private final Certificates certificates;
	private final Catalogues catalogues;
	private final InspectionItems items;
	private final Benchmarks benchmarks;
	private final LeniencyLists leniency;
	private final Domains domains;
	private final CaseKinds kinds;
	private final Clock clock;

	Portal(Bodies bodies, Officers officers, Certificates certificates, Catalogues catalogues, InspectionItems items, Benchmarks benchmarks,
			LeniencyLists leniency, Domains domains, CaseKinds kinds, Clock clock) {
		this.bodies = bodies;
		this.officers = officers;
		this.certificates = certificates;
		this.catalogues = catalogues;
		this.items = items;
		this.benchmarks = benchmarks;
		this.leniency = leniency;
		this.domains = domains;
		this.kinds = kinds;
		this.clock = clock;
	}

	private record Cached(List<EnforcementBody> bodies, long at) {
	}

	private volatile Cached cachedBodies;

	/**
	 * The active bodies, grouped by region, by name — kept for a minute: every portal page lists them (the search form),
	 * and a new or renamed body may take that long to show.
	 */
	public List<EnforcementBody> bodies() {
		Cached c = cachedBodies;
		long now = System.nanoTime();
		if (c == null || now - c.at() > 60_000_000_000L) {
			c = new Cached(bodies.search(DataScope.all(), new Bodies.Query(null, null, null, true, null), 0, 1000).items().stream()
				.sorted(Comparator.comparing(EnforcementBody::regionPath).thenComparing(EnforcementBody::name)).toList(), now);
			cachedBodies = c;
		}
		return c.bodies();
	}

	public EnforcementBody body(long id) {
		return bodies.find(DataScope.all(), id).filter(EnforcementBody::active).orElseThrow(() -> new NotFound("执法主体"));
	}

	/** The body's officers on duty with a certificate valid today. */
	public List<PublicOfficer> officers(long bodyId) {
		LocalDate today = LocalDate.now(clock);
		List<PublicOfficer> out = new ArrayList<>();
		for (Officer o : officers.search(DataScope.all(), new Officers.Query(null, bodyId, OfficerStatus.ON_DUTY, null), 0, 1000).items()) {
			certificates.ofOfficer(o.id()).stream().filter(c -> c.number() != null && c.usableOn(today)).max(Comparator.comparing(Certificate::validTo))
				.ifPresent(c -> out.add(new PublicOfficer(o.name(), c.number(), c.domainCodes().stream().map(this::domainName).toList(), c.validTo())));
		}
		out.sort(Comparator.comparing(PublicOfficer::name));
		return out;
	}

	private String domainName(String code) {
		return domainNames().getOrDefault(code, code);
	}

	public Map<String, String> domainNames() {
		Map<String, String> m = new LinkedHashMap<>();
		domains.all().forEach(d -> m.put(d.code(), d.name()));
		return m;
	}

	/** The catalogue in force today and the versions published before it. */
	public Optional<Catalogues.Version> catalogue(long bodyId) {
		return catalogues.publishedOn(bodyId, LocalDate.now(clock));
	}

	public List<CatalogueEntry> entries(Catalogues.Version v) {
		return catalogues.entries(v.id());
	}

	public List<Catalogues.Version> versions(long bodyId) {
		return catalogues.versions(DataScope.all(), bodyId);
	}

	public Catalogues.Version version(long bodyId, int number) {
		return catalogues.version(DataScope.all(), bodyId, number);
	}

	public List<InspectionItems.Item> inspectionItems(long bodyId) {
		return items.published(bodyId);
	}

	/** The benchmarks published and in force today. */
	public List<Benchmark> benchmarks() {
		LocalDate today = LocalDate.now(clock);
		return benchmarks.all(null, null).stream().filter(b -> b.published() && b.inForceOn(today)).toList();
	}

	public List<LeniencyLists.Item> leniency() {
		LocalDate today = LocalDate.now(clock);
		return leniency.all().stream().filter(i -> !today.isBefore(i.validFrom()) && (i.validTo() == null || !today.isAfter(i.validTo()))).toList();
	}

	/** Every kind's procedure from its lifecycle declaration. */
	public List<Procedure> procedures() {
		List<Procedure> out = new ArrayList<>();
		kinds.all().forEach(k -> {
			Lifecycle l = k.lifecycle();
			List<Step> steps = l.transitions().stream().map(t -> new Step(t.label(),
					t.from().isEmpty() ? "（开始）" : String.join("、", t.from().stream().map(c -> l.stage(c).label()).toList()),
					t.changesStage() ? String.join("、", t.to().stream().map(c -> l.stage(c).label()).toList()) : "（不变）", t.who(), t.basis())).toList();
			out.add(new Procedure(l.kind(), l.label(), l.stages().stream().filter(s -> s.open()).map(s -> s.label()).toList(),
					l.stages().stream().filter(s -> !s.open()).map(s -> s.label()).toList(), steps));
		});
		return out;
	}
}
