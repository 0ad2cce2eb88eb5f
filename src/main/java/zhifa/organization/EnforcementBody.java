package zhifa.organization;

import java.time.Instant;
import java.util.List;

/**
 * 执法主体 as read: an administrative organ, an organisation authorised by law, or an entrusted organisation.
 *
 * @param supervisory whether the body is a 司法行政机关 that supervises enforcement in its region's subtree
 * @param vertical 垂直管理: the body is managed by {@code superiorBodyId} rather than the local government
 * @param entrustment the current 委托书 of an entrusted organisation, else {@code null}
 * @param documents what the body's 执法文书 name: 复议机关, 人民法院, where to pay, whom to contact
 */
public record EnforcementBody(long id, String name, String uscc, BodyKind kind, long regionId, String regionName,
		String regionPath, boolean active, String qualificationNotice, boolean supervisory, boolean vertical,
		Long superiorBodyId, String superiorBodyName, boolean demo, int version, List<String> domainCodes,
		Entrustment entrustment, Instant createdAt, Instant updatedAt, DocumentDetails documents) {

	/** The name in which the body acts: an entrusted organisation acts in its entrusting organ's name. */
	public String actingName() {
		return entrustment != null ? entrustment.entrustingBodyName() : name;
	}
}
