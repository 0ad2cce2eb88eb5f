/**
 * 组织机构: 行政区划 (the region tree), 执法主体 (enforcement bodies, including 委托 and 垂直管理), the 执法领域
 * code list, and supervision: the justice bureau (a supervisory body) of a region supervises every body in that
 * region's subtree.
 * <p>
 * Owns the tables {@code org_body}, {@code org_body_domain}, {@code org_domain}, {@code org_entrustment},
 * {@code org_region}; publishes the read views {@code body_view}, {@code domain_view}, {@code region_view} for other
 * modules to join.
 */
package zhifa.organization;
