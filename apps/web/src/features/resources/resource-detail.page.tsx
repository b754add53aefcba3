import type { Resource } from "@clusterbrain/contracts";
import { Button, Card, Descriptions, Form, Input, InputNumber, message, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { ResourceCalendar } from "./resource-calendar.component.tsx";
import { addDays, clusterDay, clusterInstant, slotTimes, weekStart } from "./resource-calendar.ts";
import { resourcesApi } from "./resources.api.ts";
import { KIND_COLOR } from "./resources.page.tsx";

interface BookingValues {
  day: string;
  from: number;
  to: number;
  purpose: string;
}

function ResourceFacts({ resource }: { resource: Resource }) {
  const { t, tEnum, pick, fmt } = useI18n();
  return (
    <Card size="small" data-testid="resource-facts">
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="resource-name">
            {pick(resource.nameZh, resource.nameEn)}
          </Typography.Title>
          <Tag color={KIND_COLOR[resource.kind]}>{tEnum("resources.kind", resource.kind)}</Tag>
          {resource.status === "retired" && <Tag>{t("resources.retired")}</Tag>}
        </Space>
        {resource.description && <Typography.Paragraph>{resource.description}</Typography.Paragraph>}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t("resources.owner")}>
            <Link to={`/orgs/${resource.ownerOrgId}`}>
              {pick(resource.ownerNameZh, resource.ownerNameEn)}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t("resources.price")}>
            {resource.pricePerHour === 0
              ? t("resources.free")
              : t("resources.pricePerHour", { price: fmt.number(resource.pricePerHour) })}
          </Descriptions.Item>
          <Descriptions.Item label={t("resources.location")}>{resource.location || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("resources.rating")}>
            {resource.rating === null
              ? t("resources.noRating")
              : t("resources.ratingOf", {
                  rating: fmt.number(resource.rating, 1),
                  count: resource.ratingCount,
                })}
          </Descriptions.Item>
          {resource.specs.map((s) => (
            <Descriptions.Item key={s.key} label={s.key}>
              {s.value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t("resources.rules")} span={2}>
            <Space orientation="vertical" size={0}>
              <span>
                {t("resources.hours", {
                  min: resource.minHours,
                  max: resource.maxHours,
                  open: resource.openHour,
                  close: resource.closeHour,
                })}
              </span>
              <span>{t("resources.cancelRule", { hours: resource.cancelNoticeHours })}</span>
              {resource.rules && <span>{resource.rules}</span>}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}

/** One resource: its facts and rules, a week of availability, and the booking form. */
export default function ResourceDetailPage() {
  const { id = "" } = useParams();
  const { t, fmt } = useI18n();
  const me = useMe();
  const [monday, setMonday] = useState(() => weekStart(clusterDay(new Date())));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<BookingValues>();
  const [toast, toastHolder] = message.useMessage();
  const resource = useApi((signal) => resourcesApi.get(id, signal), [id]);
  const calendar = useApi(
    (signal) =>
      resourcesApi.calendar(
        id,
        clusterInstant(monday, 0).toISOString(),
        clusterInstant(addDays(monday, 7), 0).toISOString(),
        signal,
      ),
    [id, monday],
  );
  const from = Form.useWatch("from", form);
  const to = Form.useWatch("to", form);

  if (resource.error !== null) return <ErrorAlert error={resource.error} onRetry={resource.reload} />;
  const r = resource.data;
  if (!r) return <Card loading />;

  const submit = async (values: BookingValues) => {
    setBusy(true);
    setError(null);
    try {
      await resourcesApi.book(id, {
        ...slotTimes(values.day, values.from, values.to),
        purpose: values.purpose,
      });
      toast.success(t("resources.booked"));
      form.resetFields(["purpose"]);
      // Show the week of the new booking (the calendar reloads with it).
      const week = weekStart(values.day);
      if (week === monday) calendar.reload();
      else setMonday(week);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const estimate =
    typeof from === "number" && typeof to === "number" && to > from ? (to - from) * r.pricePerHour : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="resource-detail">
      {toastHolder}
      <Link to="/resources">{t("resources.back")}</Link>
      <ResourceFacts resource={r} />
      <ResourceCalendar
        calendar={calendar.loading ? undefined : calendar.data}
        monday={monday}
        onWeek={setMonday}
        onPick={(day, hour) =>
          form.setFieldsValue({ day, from: hour, to: Math.min(hour + r.minHours, r.closeHour) })
        }
      />
      {r.mine ? (
        <Typography.Text type="secondary">{t("resources.ownListing")}</Typography.Text>
      ) : (
        // Viewers only look; booking is for staff who may write (the server's resource.book).
        me.role !== "viewer" && (
          <Card size="small" title={t("resources.bookTitle")}>
            <Form<BookingValues>
              form={form}
              layout="inline"
              data-testid="booking-form"
              initialValues={{
                day: clusterDay(new Date(Date.now() + 86_400_000)),
                from: r.openHour,
                to: r.openHour + r.minHours,
              }}
              onFinish={submit}
            >
              <Form.Item name="day" label={t("resources.day")} rules={[{ required: true }]}>
                <Input type="date" data-testid="booking-day" />
              </Form.Item>
              <Form.Item name="from" label={t("resources.from")} rules={[{ required: true }]}>
                <InputNumber<number> min={r.openHour} max={r.closeHour - 1} data-testid="booking-from" />
              </Form.Item>
              <Form.Item name="to" label={t("resources.to")} rules={[{ required: true }]}>
                <InputNumber<number> min={r.openHour + 1} max={r.closeHour} data-testid="booking-to" />
              </Form.Item>
              <Form.Item
                name="purpose"
                label={t("resources.purpose")}
                rules={[{ required: true, whitespace: true, message: t("resources.purposeRequired") }]}
              >
                <Input style={{ width: 260 }} maxLength={500} data-testid="booking-purpose" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="booking-submit">
                  {t("resources.submit")}
                </Button>
              </Form.Item>
            </Form>
            {estimate !== null && (
              <Typography.Text type="secondary">
                {t("resources.estimate", { cost: fmt.number(estimate) })}
              </Typography.Text>
            )}
            {error !== null && (
              <div data-testid="booking-error" style={{ marginTop: 12 }}>
                <ErrorAlert error={error} />
              </div>
            )}
          </Card>
        )
      )}
    </Space>
  );
}
