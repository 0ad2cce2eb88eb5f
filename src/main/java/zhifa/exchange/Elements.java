package zhifa.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.Catalogues;
import zhifa.disclosure.YearlyStatistics;
import zhifa.officer.Certificate;
import zhifa.officer.Certificates;
import zhifa.officer.Officer;
import zhifa.officer.Officers;
import zhifa.organization.Bodies;
import zhifa.organization.EnforcementBody;
import zhifa.organization.Regions;
import zhifa.shared.DataScope;
import zhifa.supervision.Act;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;

/**
 * Reads an element as it stands and writes it in the exchange format (docs/exchange-format.md), our codes mapped to the
 * receiving system's. Personal data leaves masked: officers without their ID number, natural-person parties by their
 * masked name; organisations by name and 统一社会信用代码.
 */
@Component
class Elements {

	/** The element's data ({@code null}: it no longer exists) and the 注销 applications it carries. */
	record Built(Map<String, Object> data, List<Long> cancellations) {
	}

	private final Bodies bodies;
	private final Regions regions;
	private final Officers officers;
	private final Certificates certificates;
	private final zhifa.officer.CertificateCancellations cancellations;
	private final Catalogues catalogues;
	private final Ledger ledger;
	private final YearlyStatistics statistics;

	Elements(Bodies bodies, Regions regions, Officers officers, Certificates certificates, Catalogues catalogues, Ledger ledger,
			YearlyStatistics statistics, zhifa.officer.CertificateCancellations cancellations) {
		this.cancellations = cancellations;
		this.bodies = bodies;
		this.regions = regions;
		this.officers = officers;
		this.certificates = certificates;
		this.catalogues = catalogues;
		this.ledger = ledger;
		this.statistics = statistics;
	}

	Built build(ElementClass c, String key, CodeTables.Snapshot codes) {
		return switch (c) {
			case ORGANIZATION -> plain(bodies.find(DataScope.all(), id(key)).map(b -> body(b, codes)));
			case PERSON -> plain(officers.find(DataScope.all(), id(key)).map(o -> officer(o, codes)));
			case CERTIFICATE -> certificate(id(key), codes);
			case CATALOGUE -> plain(catalogue(id(key), codes));
			case ACT -> plain(ledger.find(id(key)).map(a -> act(a, codes)));
			case STATISTICS -> plain(statistics(key));
		};
	}

	/** Every current element of a class: key → body. */
	Map<String, Long> all(ElementClass c) {
		Map<String, Long> keys = new LinkedHashMap<>();
		switch (c) {
			case ORGANIZATION, CATALOGUE -> {
				for (EnforcementBody b : allBodies()) {
					if (c == ElementClass.ORGANIZATION || catalogues.overview(DataScope.all(), b.id()).latest().isPresent()) {
						keys.put(String.valueOf(b.id()), b.id());
					}
				}
			}
			case PERSON, CERTIFICATE -> {
				for (int p = 0;; p++) {
					var page = officers.search(DataScope.all(), new Officers.Query(null, null, null, null), p, 500);
					for (Officer o : page.items()) {
						if (c == ElementClass.PERSON) {
							keys.put(String.valueOf(o.id()), o.bodyId());
						}
						else {
							certificates.ofOfficer(o.id()).forEach(x -> keys.put(String.valueOf(x.id()), x.bodyId()));
						}
					}
					if (!page.hasNext()) {
						break;
					}
				}
			}
			case ACT -> {
				long after = 0;
				Map<Long, Long> ids;
				do {
					ids = ledger.idsAfter(after, 5000);
					ids.forEach((id, body) -> keys.put(String.valueOf(id), body));
					after = ids.isEmpty() ? after : ids.keySet().stream().mapToLong(Long::longValue).max().orElse(after);
				} while (ids.size() == 5000);
			}
			case STATISTICS -> {
				// every year up to this one in 芒市 (not the JVM zone's year, which on 1 January before 08:00 is still the last)
				for (int y = 2020; y <= java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue(); y++) {
					statistics.publishedIn(y).forEach(p -> keys.put(p.bodyId() + "-" + p.year(), p.bodyId()));
				}
			}
		}
		return keys;
	}

	private List<EnforcementBody> allBodies() {
		List<EnforcementBody> all = new ArrayList<>();
		for (int p = 0;; p++) {
			var page = bodies.search(DataScope.all(), Bodies.Query.all(), p, 500);
			all.addAll(page.items());
			if (!page.hasNext()) {
				return all;
			}
		}
	}

	/** What a person reads for an element on the outbox page: a name, a number, a case. */
	String label(ElementClass c, String key) {
		try {
			return switch (c) {
				case ORGANIZATION -> bodies.find(DataScope.all(), id(key)).map(EnforcementBody::name).orElse(key);
				case PERSON -> officers.find(DataScope.all(), id(key)).map(o -> o.name() + "（" + o.bodyName() + "）").orElse(key);
				case CERTIFICATE -> certificates.find(DataScope.all(), id(key))
					.map(x -> (x.number() == null ? "申领中" : x.number()) + " " + x.officerName()).orElse(key);
				case CATALOGUE -> bodies.find(DataScope.all(), id(key)).map(b -> b.name() + "执法事项目录").orElse(key);
				case ACT -> ledger.find(id(key)).map(a -> {
					var r = a.report();
					String number = r.decisionNumber() != null ? r.decisionNumber() : r.caseNumber() != null ? r.caseNumber() : r.externalId();
					return number + (r.matterName() == null ? "" : " " + r.matterName());
				}).orElse(key);
				case STATISTICS -> {
					int dash = key.lastIndexOf('-');
					yield bodies.find(DataScope.all(), Long.parseLong(key.substring(0, dash))).map(EnforcementBody::name).orElse("") + key.substring(dash + 1)
							+ "年度";
				}
			};
		}
		catch (RuntimeException e) {
			return key;
		}
	}

	private static Built plain(Optional<Map<String, Object>> data) {
		return new Built(data.orElse(null), List.of());
	}

	private static long id(String key) {
		return Long.parseLong(key);
	}

	private String bodyCode(long bodyId) {
		return bodies.find(DataScope.all(), bodyId).map(b -> b.uscc() == null ? "ZHIFA-" + b.id() : b.uscc()).orElse("ZHIFA-" + bodyId);
	}

	private Map<String, Object> body(EnforcementBody b, CodeTables.Snapshot codes) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", b.id());
		m.put("name", b.name());
		m.put("uscc", b.uscc());
		m.put("kind", codes.map(OutboundCodeClass.BODY_KIND, b.kind().name()));
		m.put("kindLabel", b.kind().label());
		m.put("regionCode", codes.map(OutboundCodeClass.REGION, regions.find(b.regionId()).map(r -> r.code()).orElse(null)));
		m.put("regionName", b.regionName());
		m.put("active", b.active());
		m.put("supervisory", b.supervisory());
		m.put("vertical", b.vertical());
		m.put("superiorUscc", b.superiorBodyId() == null ? null : bodyCode(b.superiorBodyId()));
		m.put("domains", codes.map(OutboundCodeClass.DOMAIN, b.domainCodes()));
		if (b.entrustment() != null) {
			m.put("entrustedBy", bodyCode(b.entrustment().entrustingBodyId()));
			m.put("entrustmentDocument", b.entrustment().documentNumber());
		}
		if (b.documents() != null) {
			m.put("reviewOrgan", b.documents().reviewOrgan());
			m.put("contactPhone", b.documents().contactPhone());
			m.put("address", b.documents().contactAddress());
		}
		m.put("updatedAt", b.updatedAt());
		m.put("demo", b.demo());
		return m;
	}

	private Map<String, Object> officer(Officer o, CodeTables.Snapshot codes) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.id());
		m.put("bodyUscc", bodyCode(o.bodyId()));
		m.put("name", o.name());
		m.put("idNumberMasked", o.idNumberMasked());
		m.put("post", o.post());
		m.put("staffing", o.staffing().name());
		m.put("status", codes.map(OutboundCodeClass.OFFICER_STATUS, o.status().name()));
		m.put("police", o.police());
		m.put("legalQualificationNo", o.legalQualificationNo());
		m.put("domains", codes.map(OutboundCodeClass.DOMAIN, o.domainCodes()));
		m.put("certificates", certificates.ofOfficer(o.id()).stream().filter(c -> c.number() != null).map(Certificate::number).toList());
		m.put("updatedAt", o.updatedAt());
		m.put("demo", o.demo());
		return m;
	}

	private Built certificate(long id, CodeTables.Snapshot codes) {
		Optional<Certificate> found = certificates.find(DataScope.all(), id);
		if (found.isEmpty()) {
			return new Built(null, List.of());
		}
		Certificate c = found.get();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("number", c.number());
		m.put("officerId", c.officerId());
		m.put("officerName", c.officerName());
		m.put("bodyUscc", bodyCode(c.bodyId()));
		m.put("provinceCode", c.provinceCode());
		m.put("issuingAuthority", c.issuingAuthority());
		m.put("status", codes.map(OutboundCodeClass.CERTIFICATE_STATUS, c.status().name()));
		m.put("statusLabel", c.status().label());
		m.put("validFrom", c.validFrom());
		m.put("validTo", c.validTo());
		m.put("domains", codes.map(OutboundCodeClass.DOMAIN, c.domainCodes()));
		var requests = cancellations.pendingCancellations(id);
		List<Map<String, Object>> cancellations = new ArrayList<>();
		for (var r : requests) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("requestId", r.id());
			x.put("reason", r.reason());
			x.put("targetSystem", r.targetSystem());
			cancellations.add(x);
		}
		m.put("cancellationRequests", cancellations);
		return new Built(m, requests.stream().map(zhifa.officer.CertificateCancellations.CancellationRequest::id).toList());
	}

	private Optional<Map<String, Object>> catalogue(long bodyId, CodeTables.Snapshot codes) {
		if (bodies.find(DataScope.all(), bodyId).isEmpty()) {
			return Optional.empty();
		}
		var latest = catalogues.overview(DataScope.all(), bodyId).latest();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("bodyUscc", bodyCode(bodyId));
		m.put("version", latest.get().number());
		m.put("publishedOn", latest.get().publishedOn());
		List<Map<String, Object>> items = new ArrayList<>();
		for (CatalogueEntry e : catalogues.entries(latest.get().id())) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("code", codes.map(OutboundCodeClass.MATTER, e.code()));
			x.put("localCode", e.code());
			x.put("name", e.name());
			x.put("type", codes.map(OutboundCodeClass.MATTER_TYPE, e.type().name()));
			x.put("domain", codes.map(OutboundCodeClass.DOMAIN, e.domainCode()));
			x.put("township", e.township());
			x.put("status", e.status().name());
			x.put("basis", e.basis());
			items.add(x);
		}
		m.put("items", items);
		return Optional.of(m);
	}

	private Map<String, Object> act(Act a, CodeTables.Snapshot codes) {
		ActReport r = a.report();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("source", r.source());
		m.put("externalId", r.externalId());
		m.put("sourceVersion", r.version());
		m.put("bodyUscc", bodyCode(r.bodyId()));
		m.put("kind", codes.map(OutboundCodeClass.ACT_KIND, r.kind()));
		m.put("matterCode", codes.map(OutboundCodeClass.MATTER, r.matterCode()));
		m.put("matterName", r.matterName());
		m.put("caseNumber", r.caseNumber());
		m.put("partyKind", codes.map(OutboundCodeClass.PARTY_KIND, r.partyKind()));
		boolean person = "NATURAL_PERSON".equals(r.partyKind());
		// a natural person by the masked name (张某), an organisation by its name
		m.put("partyName", person ? zhifa.disclosure.Masking.person(r.partyName()) : r.partyName());
		m.put("partyId", r.partyMasked());
		m.put("placeRegionCode", r.placeRegionId() == null ? null : codes.map(OutboundCodeClass.REGION, regions.find(r.placeRegionId()).map(x -> x.code()).orElse(null)));
		m.put("stage", codes.map(OutboundCodeClass.STAGE, r.stage()));
		m.put("actDate", r.actDate());
		m.put("receivedOn", r.receivedOn());
		m.put("filedOn", r.filedOn());
		m.put("noticeServedOn", r.noticeServedOn());
		m.put("hearingRight", r.hearingRight());
		m.put("hearingHeld", r.hearingHeld());
		m.put("legalReviewRequired", r.legalReviewRequired());
		m.put("legalReviewPassed", r.legalReviewPassed());
		m.put("decidedOn", r.decidedOn());
		m.put("decisionOutcome", codes.map(OutboundCodeClass.DECISION_OUTCOME, r.decisionOutcome()));
		m.put("decisionNumber", r.decisionNumber());
		m.put("penaltyTypes", codes.map(OutboundCodeClass.PENALTY_TYPE, r.details().penaltyTypes()));
		m.put("fine", r.fine());
		m.put("gains", r.gains());
		m.put("propertyValue", r.propertyValue());
		m.put("decisionServedOn", r.decisionServedOn());
		m.put("paidTotal", r.paidTotal());
		m.put("closedOn", r.closedOn());
		m.put("officerCertificates", r.officerCertificates());
		m.put("validOfficers", r.validOfficers());
		m.put("demo", r.demo());
		var p = r.details().publication();
		if (p != null) {
			m.put("publishedOn", p.publishedOn());
			m.put("withdrawnOn", p.withdrawnOn());
		}
		return m;
	}

	private Optional<Map<String, Object>> statistics(String key) {
		int dash = key.lastIndexOf('-');
		long bodyId = Long.parseLong(key.substring(0, dash));
		int year = Integer.parseInt(key.substring(dash + 1));
		return statistics.published(bodyId, year).map(p -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("bodyUscc", bodyCode(bodyId));
			m.put("bodyName", p.bodyName());
			m.put("year", p.year());
			m.put("publishedOn", p.publishedOn());
			Map<String, String> figures = new LinkedHashMap<>();
			for (String line : p.figures().split("\n")) {
				int i = line.indexOf('：');
				if (i > 0) {
					figures.put(line.substring(0, i), line.substring(i + 1));
				}
			}
			m.put("figures", figures);
			return m;
		});
	}

}
