/** 随机抽查事项清单: the portal lists what is published. */
@org.springframework.modulith.NamedInterface("items")
package zhifa.inspection.items;
