import {
  type CompetitionCreate,
  routeTable,
  type SecondmentCreate,
  type StaffingCreate,
  type StudioTrainingCreate,
  type TalentPersonCreate,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.talent;
const st = routeTable.talentStudios;

/** Calls of talent sharing, typed from the route table. */
export const talentApi = {
  pool: (skill: string, signal?: AbortSignal) => callRoute(r.pool, { query: { skill } }, signal),
  addPerson: (body: TalentPersonCreate) => callRoute(r.addPerson, { body }),
  setConsent: (id: string, consent: boolean) =>
    callRoute(r.updatePerson, { params: { id }, body: { consent } }),
  secondments: (signal?: AbortSignal) => callRoute(r.secondments, {}, signal),
  request: (body: SecondmentCreate) => callRoute(r.requestSecondment, { body }),
  approve: (id: string) => callRoute(r.approveSecondment, { params: { id }, body: {} }),
  decline: (id: string) => callRoute(r.declineSecondment, { params: { id }, body: {} }),
  competitions: (signal?: AbortSignal) => callRoute(r.competitions, {}, signal),
  createCompetition: (body: CompetitionCreate) => callRoute(r.createCompetition, { body }),
  register: (id: string, personId: string) => callRoute(r.register, { params: { id }, body: { personId } }),
  score: (id: string, entryId: string, score: number) =>
    callRoute(r.score, { params: { id }, body: { entryId, score } }),
  studios: (signal?: AbortSignal) => callRoute(st.studios, {}, signal),
  studio: (id: string, signal?: AbortSignal) => callRoute(st.studio, { params: { id } }, signal),
  addTraining: (id: string, body: StudioTrainingCreate) =>
    callRoute(st.addTraining, { params: { id }, body }),
  staffing: (signal?: AbortSignal) => callRoute(st.staffing, {}, signal),
  requestStaffing: (body: StaffingCreate) => callRoute(st.requestStaffing, { body }),
  approveStaffing: (id: string) => callRoute(st.approveStaffing, { params: { id }, body: {} }),
  declineStaffing: (id: string) => callRoute(st.declineStaffing, { params: { id }, body: {} }),
};
