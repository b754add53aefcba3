/** Messages of the innovation hub (技术需求 ↔ 科技成果 matching, 产学研 projects), zh-CN. */
export const innovationZh = {
  "notify.innovation.contact": "{from} 就「{title}」联系了本机构",
  "notify.innovation.projectMember": "本机构已加入联合项目「{title}」",
  "notify.innovation.milestoneDone": "联合项目里程碑「{title}」已完成",
};

export const innovationEn: Record<keyof typeof innovationZh, string> = {
  "notify.innovation.contact": '{from} contacted your organisation about "{title}"',
  "notify.innovation.projectMember": 'Your organisation joined the joint project "{title}"',
  "notify.innovation.milestoneDone": 'Joint project milestone "{title}" is done',
};
