import type { Bilingual } from '../strings';

// Words of the grid register (网格台账: 人、地、事、物、组织) in the staff console. zh-CN first; `en` carries every key.
export const GRID_REGISTER_ZH = {
  tabRegister: '网格台账',
  gridRegisterTitle: '网格台账：{grid}',
  gridRegisterIntro: '本网格的公共设施（路灯、消防栓、电梯……）。只有本网格的工作人员能看到和修改，每次修改都记下是谁、在什么时候改了什么。',
  registerGrid: '网格',
  registerFacilities: '公共设施',
  registerEmpty: '还没有登记公共设施。',
  facilityName: '名称',
  facilityKind: '类型',
  facilityBuilding: '所在楼栋（可不填）',
  facilityCondition: '状况',
  facilityChanged: '最近修改',
  facilityAdd: '登记新设施',
  facilityAddSend: '登记设施',
  facilityAdded: '已登记。',
  facilityEdit: '修改',
  facilityEditOf: '修改：{name}',
  facilitySave: '保存修改',
  facilitySaved: '已保存。',
  facilityNothingChanged: '没有改动。',
  facilityCancel: '取消',
  facilityCasesTitle: '这个设施的案件',
  facilityCasesEmpty: '这个设施还没有案件。',
  facilityHistory: '修改记录',
  facilityHistoryAt: '时间',
  facilityHistoryBy: '操作人',
  facilityHistoryWhat: '内容',
  historyRegistered: '登记',
  historyAmended: '修改',
  historyRetired: '注销：{reason}',
  backToRegister: '返回网格台账',
  registerOthers: '楼栋、住户和组织',
  registerOthersHint: '由网格员通过接口登记；住户只记单元和人数，不记姓名和电话。',
  registerOthersEmpty: '还没有登记楼栋、住户或组织。',
  entryKind: '类别',
  entryDetail: '情况',
  householdSize: '{n} 人',
};

export const GRID_REGISTER_EN: Record<keyof typeof GRID_REGISTER_ZH, string> = {
  tabRegister: 'Grid register',
  gridRegisterTitle: 'Grid register: {grid}',
  gridRegisterIntro:
    "The grid's public facilities (street lights, hydrants, lifts …). Only the grid's staff see and change them; every change records who changed what, and when.",
  registerGrid: 'Grid',
  registerFacilities: 'Public facilities',
  registerEmpty: 'No public facility registered yet.',
  facilityName: 'Name',
  facilityKind: 'Kind',
  facilityBuilding: 'Building (optional)',
  facilityCondition: 'Condition',
  facilityChanged: 'Last changed',
  facilityAdd: 'Register a facility',
  facilityAddSend: 'Register facility',
  facilityAdded: 'Registered.',
  facilityEdit: 'Edit',
  facilityEditOf: 'Edit: {name}',
  facilitySave: 'Save changes',
  facilitySaved: 'Saved.',
  facilityNothingChanged: 'Nothing was changed.',
  facilityCancel: 'Cancel',
  facilityCasesTitle: "This facility's cases",
  facilityCasesEmpty: 'No case has named this facility yet.',
  facilityHistory: 'Change history',
  facilityHistoryAt: 'When',
  facilityHistoryBy: 'By',
  facilityHistoryWhat: 'What',
  historyRegistered: 'Registered',
  historyAmended: 'Changed',
  historyRetired: 'Retired: {reason}',
  backToRegister: 'Back to the grid register',
  registerOthers: 'Buildings, households and organisations',
  registerOthersHint: 'Entered by grid workers through the API; a household is a unit and a head count, never names or phone numbers.',
  registerOthersEmpty: 'No building, household or organisation registered yet.',
  entryKind: 'Kind',
  entryDetail: 'Details',
  householdSize: '{n} people',
};

export const FACILITY_KIND: Record<string, Bilingual> = {
  street_light: { zh: '路灯', en: 'Street light' },
  hydrant: { zh: '消防栓', en: 'Hydrant' },
  lift: { zh: '电梯', en: 'Lift' },
  manhole: { zh: '井盖', en: 'Manhole cover' },
  bench: { zh: '座椅', en: 'Bench' },
  other: { zh: '其他', en: 'Other' },
};

export const ENTRY_KIND: Record<string, Bilingual> = {
  building: { zh: '楼栋', en: 'Building' },
  household: { zh: '住户', en: 'Household' },
  organisation: { zh: '组织', en: 'Organisation' },
};

export const ORGANISATION_KIND: Record<string, Bilingual> = {
  property_company: { zh: '物业公司', en: 'Property company' },
  business: { zh: '商户', en: 'Business' },
  social_organisation: { zh: '社会组织', en: 'Social organisation' },
  school: { zh: '学校', en: 'School' },
  other: { zh: '其他', en: 'Other' },
};

export const FACILITY_CONDITION: Record<string, Bilingual> = {
  working: { zh: '正常', en: 'Working' },
  faulty: { zh: '有故障', en: 'Faulty' },
  out_of_service: { zh: '停用', en: 'Out of service' },
};

/** The field names of the audit trail, in the reader's words. */
export const FACILITY_FIELD: Record<string, Bilingual> = {
  name: { zh: '名称', en: 'name' },
  facilityKind: { zh: '类型', en: 'kind' },
  buildingName: { zh: '所在楼栋', en: 'building' },
  condition: { zh: '状况', en: 'condition' },
  lat: { zh: '纬度', en: 'latitude' },
  long: { zh: '经度', en: 'longitude' },
};
