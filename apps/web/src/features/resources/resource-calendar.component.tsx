import type { Calendar } from "@clusterbrain/contracts";
import { Button, Card, Space, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { addDays, type CellState, weekGrid } from "./resource-calendar.ts";

const CELL_STYLE: Record<CellState, { background: string; color: string }> = {
  free: { background: "#f6ffed", color: "#389e0d" },
  mine: { background: "#e6f4ff", color: "#0958d9" },
  taken: { background: "#fff1f0", color: "#cf1322" },
  pending: { background: "#fffbe6", color: "#d48806" },
  past: { background: "#fafafa", color: "#bfbfbf" },
};

/**
 * A week of opening hours (cluster time): each hour free, taken, pending or ours. Clicking a free
 * hour hands its day and hour to the booking form.
 */
export function ResourceCalendar({
  calendar,
  monday,
  onWeek,
  onPick,
}: {
  calendar: Calendar | undefined;
  monday: string;
  onWeek: (monday: string) => void;
  onPick: (day: string, hour: number) => void;
}) {
  const { t, tEnum } = useI18n();
  const grid = calendar ? weekGrid(calendar, monday, new Date()) : [];
  return (
    <Card
      size="small"
      title={t("resources.calendar")}
      data-testid="resource-calendar"
      data-week={monday}
      data-loaded={calendar ? "true" : "false"}
      extra={
        <Space>
          <Button size="small" onClick={() => onWeek(addDays(monday, -7))}>
            {t("resources.prevWeek")}
          </Button>
          <Button size="small" data-testid="calendar-next" onClick={() => onWeek(addDays(monday, 7))}>
            {t("resources.nextWeek")}
          </Button>
        </Space>
      }
    >
      <div style={{ overflowX: "auto" }}>
        <table style={{ borderCollapse: "collapse", fontSize: 12, width: "100%" }}>
          <thead>
            <tr>
              <th />
              {grid.map((d) => (
                <th key={d.day} style={{ padding: 4, whiteSpace: "nowrap" }}>
                  {d.day.slice(5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid[0]?.cells.map((_, row) => {
              const hour = grid[0].cells[row].hour;
              return (
                <tr key={hour}>
                  <td style={{ padding: 4, whiteSpace: "nowrap" }}>{`${hour}:00`}</td>
                  {grid.map((d) => {
                    const cell = d.cells[row];
                    const free = cell.state === "free";
                    return (
                      <td
                        key={d.day}
                        data-testid="calendar-cell"
                        data-day={d.day}
                        data-hour={cell.hour}
                        data-state={cell.state}
                        style={{
                          ...CELL_STYLE[cell.state],
                          border: "1px solid #f0f0f0",
                          padding: 4,
                          textAlign: "center",
                        }}
                      >
                        {free ? (
                          <button
                            type="button"
                            onClick={() => onPick(d.day, cell.hour)}
                            style={{ all: "unset", cursor: "pointer", width: "100%" }}
                          >
                            {tEnum("resources.cell", cell.state)}
                          </button>
                        ) : (
                          tEnum("resources.cell", cell.state)
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Typography.Text type="secondary">UTC+8</Typography.Text>
    </Card>
  );
}
