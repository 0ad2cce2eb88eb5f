/** Visits (inspection cases): the portal lists the results published. */
@org.springframework.modulith.NamedInterface("visits")
package zhifa.inspection.visits;
