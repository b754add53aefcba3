import type { TalentPerson } from "@clusterbrain/contracts";
import { Button, Card, Form, Input, Modal, message, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { talentApi } from "./talent.api.ts";

const splitTags = (s: string | undefined) =>
  (s ?? "")
    .split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean);

interface RequestForm {
  role: string;
  startsOn: string;
  endsOn: string;
  note?: string;
}

/** The pool: own people and other firms' consenting people, a skill filter, and a secondment request. */
export function TalentPoolTab({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum, pick } = useI18n();
  const me = useMe();
  const [skill, setSkill] = useState("");
  const pool = useApi((signal) => talentApi.pool(skill, signal), [skill]);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState<TalentPerson | null>(null);
  const [addForm] = Form.useForm<{
    name: string;
    skills?: string;
    certificates?: string;
    consent?: boolean;
  }>();
  const [requestForm] = Form.useForm<RequestForm>();
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      message.success(t("talent.saved"));
      pool.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  return (
    <div data-testid="talent-pool">
      {error ? <ErrorAlert error={error} /> : null}
      {pool.error ? <ErrorAlert error={pool.error} onRetry={pool.reload} /> : null}
      {canWrite ? (
        <Card size="small" title={t("talent.addPerson")} style={{ marginBottom: 12 }}>
          <Form
            form={addForm}
            layout="inline"
            onFinish={(v) =>
              run(() =>
                talentApi.addPerson({
                  name: v.name,
                  skills: splitTags(v.skills),
                  certificates: splitTags(v.certificates),
                  availability: "available",
                  consent: v.consent ?? false,
                }),
              ).then((ok) => ok && addForm.resetFields())
            }
          >
            <Form.Item name="name" rules={[{ required: true }]}>
              <Input placeholder={t("talent.name")} data-testid="talent-add-name" />
            </Form.Item>
            <Form.Item name="skills" tooltip={t("talent.skillsHint")}>
              <Input placeholder={t("talent.skills")} data-testid="talent-add-skills" />
            </Form.Item>
            <Form.Item name="certificates">
              <Input placeholder={t("talent.certificates")} />
            </Form.Item>
            <Form.Item name="consent" label={t("talent.consent")} valuePropName="checked">
              <Switch data-testid="talent-add-consent" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="talent-add-submit">
              {t("talent.addPerson")}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Space style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t("talent.skillFilter")}
          onSearch={(v) => setSkill(v)}
          data-testid="talent-skill-filter"
        />
        <span>{t("talent.consentHint")}</span>
      </Space>
      <Table<TalentPerson>
        size="small"
        rowKey="id"
        loading={pool.loading}
        dataSource={pool.data?.items ?? []}
        locale={{ emptyText: t("talent.empty") }}
        onRow={(p) => ({ "data-testid": `talent-person-${p.name}`, "data-org": p.orgId }) as never}
        columns={[
          { title: t("talent.name"), dataIndex: "name" },
          { title: t("talent.org"), render: (_: unknown, p) => pick(p.orgNameZh, p.orgNameEn) },
          {
            title: t("talent.skills"),
            render: (_: unknown, p) => p.skills.map((s) => <Tag key={s}>{s}</Tag>),
          },
          { title: t("talent.certificates"), render: (_: unknown, p) => p.certificates.join(", ") },
          {
            title: t("talent.availability"),
            render: (_: unknown, p) => tEnum("talent.availability", p.availability),
          },
          {
            title: t("talent.consent"),
            render: (_: unknown, p) =>
              p.orgId === me.org.id ? (
                <Switch
                  size="small"
                  checked={p.consent}
                  disabled={!canWrite}
                  onChange={(c) => run(() => talentApi.setConsent(p.id, c))}
                />
              ) : null,
          },
          {
            title: t("talent.actions"),
            render: (_: unknown, p) =>
              p.orgId !== me.org.id && canWrite ? (
                <Button size="small" onClick={() => setAsking(p)} data-testid={`talent-ask-${p.name}`}>
                  {t("talent.requestSecondment")}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={asking !== null}
        title={`${t("talent.requestSecondment")}: ${asking?.name ?? ""}`}
        onCancel={() => setAsking(null)}
        onOk={() => requestForm.submit()}
        okButtonProps={{ "data-testid": "talent-request-submit" } as never}
        destroyOnHidden
      >
        <Form
          form={requestForm}
          layout="vertical"
          onFinish={(v) =>
            asking &&
            run(() =>
              talentApi.request({
                personId: asking.id,
                role: v.role,
                startsOn: v.startsOn,
                endsOn: v.endsOn,
                note: v.note ?? "",
              }),
            ).then((ok) => ok && setAsking(null))
          }
        >
          <Form.Item name="role" label={t("talent.role")} rules={[{ required: true }]}>
            <Input data-testid="talent-request-role" />
          </Form.Item>
          <Form.Item name="startsOn" label={t("talent.startsOn")} rules={[{ required: true }]}>
            <Input type="date" data-testid="talent-request-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={t("talent.endsOn")} rules={[{ required: true }]}>
            <Input type="date" data-testid="talent-request-ends" />
          </Form.Item>
          <Form.Item name="note" label={t("talent.note")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
