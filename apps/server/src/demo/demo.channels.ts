import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { marketingChannelShares, marketingChannels } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;

/**
 * Channel sharing demo: 华磁 offers its East-China distributor network (no request yet, so a firm
 * can ask for it), 世源 offers a county medical alliance, shared with 华磁 (approved) and asked for by
 * 禾联 (pending in 世源's queue). The hub's fairs and conferences show as channels on their own.
 */
export async function loadDemoChannels(tx: Tx, at: Date): Promise<void> {
  const ago = (days: number) => new Date(at.getTime() - days * DAY_MS);
  await tx.insert(marketingChannels).values([
    {
      id: "channel-demo-huaci-distributor",
      orgId: FIRM_A_KEY,
      kind: "distributor",
      name: "华东电子元器件经销网络",
      description: "覆盖沪苏浙 40 余家元器件分销商",
      createdAt: ago(60),
    },
    {
      id: "channel-demo-shiyuan-alliance",
      orgId: SHIYUAN_KEY,
      kind: "hospital_group",
      name: "浙北县域医共体采购联盟",
      description: "12 家县级医院及下属乡镇卫生院的集中采购",
      createdAt: ago(90),
    },
  ]);
  await tx.insert(marketingChannelShares).values([
    {
      id: "share-demo-shiyuan-huaci",
      orgId: SHIYUAN_KEY,
      channelId: "channel-demo-shiyuan-alliance",
      requesterOrgId: FIRM_A_KEY,
      note: "监护仪电源模块配套推广",
      status: "approved",
      createdAt: ago(40),
      decidedAt: ago(38),
    },
    {
      id: "share-demo-shiyuan-helian",
      orgId: SHIYUAN_KEY,
      channelId: "channel-demo-shiyuan-alliance",
      requesterOrgId: HELIAN_KEY,
      note: "SMT 代工服务推介",
      status: "pending",
      createdAt: ago(3),
    },
  ]);
}
