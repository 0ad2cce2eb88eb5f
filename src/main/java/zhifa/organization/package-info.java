/**
 * 组织机构: 行政区划 (the region tree), 执法主体 (enforcement bodies, including 委托 and 垂直管理), the 执法领域
 * code list, and supervision: the justice bureau (a supervisory body) of a region supervises every body in that
 * region's subtree.
 */
package zhifa.organization;
