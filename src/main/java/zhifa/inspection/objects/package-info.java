/**
 * 检查对象名录库: the objects random inspections draw from, by 统一社会信用代码, with their 信用风险分类 and its history.
 * The service ({@link zhifa.inspection.objects.InspectionObjects}) is a named interface so the demo data can load
 * through it (and the draw and the inspection cases will read it).
 */
@org.springframework.modulith.NamedInterface("objects")
package zhifa.inspection.objects;
