// One error type for the whole platform. Every code maps to one HTTP status and
// one message in Chinese and English; a domain adds its codes to ERRORS below.
// Messages may name parameters as {name}; they are filled from AppError.params.

export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
  // request edge
  REQUEST_MALFORMED_JSON: { status: 400, zh: '请求正文不是有效的 JSON', en: 'The request body is not valid JSON' },
  REQUEST_INVALID: { status: 400, zh: '请求参数不正确：{detail}', en: 'The request is invalid: {detail}' },
  REQUEST_TOO_LARGE: { status: 413, zh: '上传内容超过 {limit} 的上限', en: 'The upload is larger than the {limit} limit' },
  REQUEST_NUL_CHARACTER: { status: 400, zh: '请求中的 {where} 含有空字符（U+0000），无法保存；请删去后重试', en: 'The request\'s {where} holds a NUL character (U+0000), which cannot be stored; remove it and try again' },
  REQUEST_TOO_DEEP: { status: 400, zh: '请求正文嵌套超过 {max} 层', en: 'The request body nests deeper than {max} levels' },
  BACKUP_NOT_A_BACKUP: { status: 400, zh: '该文件不是 Pucha 备份文件', en: 'The file is not a Pucha backup' },
  BACKUP_TRUNCATED: { status: 400, zh: '备份文件不完整（{detail}），未恢复任何内容', en: 'The backup is incomplete ({detail}); nothing was restored' },
  BACKUP_NEWER: { status: 400, zh: '备份来自更新版本的 Pucha（迁移 {version}），请先升级', en: 'The backup comes from a newer Pucha (migration {version}); upgrade first' },
  BACKUP_TARGET_NOT_EMPTY: { status: 409, zh: '目标数据库已有数据；恢复到空数据库，或确认覆盖（--replace）', en: 'The target database holds data; restore into an empty database or confirm the replacement (--replace)' },
  DIRECTORY_MATCH_RUNNING: { status: 409, zh: '{region} 的名录匹配任务（#{job}）正在运行，请待其完成后再合并或拆分', en: 'The directory match job #{job} is running for {region}; merge or split once it has finished' },
  REQUEST_UNSUPPORTED_MEDIA: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  ROUTE_NOT_FOUND: { status: 404, zh: '没有这个地址', en: 'No such address' },
  UPLOAD_TYPE: { status: 415, zh: '文件类型不受支持，需要 {expected}', en: 'Unsupported file type; expected {expected}' },
  UPLOAD_MISSING: { status: 400, zh: '请求中没有文件', en: 'The request carries no file' },
  UPLOAD_UNREADABLE: { status: 400, zh: '文件无法读取：{detail}', en: 'The file cannot be read: {detail}' },
  UPLOAD_MALFORMED: { status: 400, zh: '上传的表单数据不完整或格式错误，请重新上传', en: 'The multipart upload is malformed or cut short; upload it again' },
  UPLOAD_TOO_MANY_PARTS: { status: 400, zh: '一次只能上传一个文件，且表单字段不超过 10 个', en: 'Upload one file at a time, with at most 10 form fields' },
  XLSX_UNSAFE: { status: 400, zh: '电子表格已被拒绝，因其可能危害服务器：{detail}', en: 'The spreadsheet was refused as unsafe for the server: {detail}' },
  VERSION_CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and try again' },

  // session and access
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please log in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: { status: 429, zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed logins; try again in {minutes} minutes' },
  AUTH_CSRF: { status: 403, zh: '安全令牌缺失或无效，请刷新页面', en: 'Missing or invalid security token; reload the page' },
  AUTH_FORBIDDEN: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  AUTH_PASSWORD_WEAK: { status: 400, zh: '密码至少 8 位，且须包含字母和数字', en: 'A password needs at least 8 characters, with letters and digits' },

  // regions
  REGION_NOT_FOUND: { status: 404, zh: '行政区划 {code} 不存在', en: 'Region {code} does not exist' },
  REGION_UNKNOWN: { status: 400, zh: '未知的行政区划代码 {code}', en: 'Unknown region code {code}' },

  // people
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'No such user' },
  USER_USERNAME_TAKEN: { status: 409, zh: '用户名 {username} 已被使用', en: 'Username {username} is taken' },
  USER_ROLE_NOT_ALLOWED: { status: 403, zh: '您不能授予角色 {role}', en: 'You may not grant the role {role}' },
  USER_SCOPE_OUTSIDE: { status: 403, zh: '区划 {code} 不在您的管辖范围内', en: 'Region {code} lies outside your scope' },
  USER_DEPARTMENT_REQUIRED: { status: 400, zh: '部门审核员必须指定部门', en: 'A department reviewer needs a department' },
  USER_AGENCY_REQUIRED: { status: 400, zh: '第三方机构人员必须指定机构', en: 'Agency staff need an agency' },
  USER_SELF_LOCKOUT: { status: 409, zh: '不能停用自己的账号或降低自己的权限', en: 'You cannot disable yourself or lower your own role' },
  USER_IMPORT_INVALID: { status: 400, zh: '文件有 {count} 行错误，未创建任何用户', en: 'The file has {count} rows with errors; no user was created' },
  USER_IMPORT_TOO_MANY: { status: 400, zh: '一次最多导入 {max} 行', en: 'At most {max} rows per import' },
  USER_USERNAME_INVALID: { status: 400, zh: '用户名 {username} 不合规：须为 3–64 位字母、数字或 _ . @ -', en: 'Username {username} is not allowed: use 3–64 letters, digits or _ . @ -' },
  USER_FIELD_REQUIRED: { status: 400, zh: '{fieldZh}不能为空', en: '{field} is required' },
  USER_FIELD_TOO_LONG: { status: 400, zh: '{fieldZh}不能超过 {max} 个字符', en: '{field} is longer than {max} characters' },
  USER_ROLE_UNKNOWN: { status: 400, zh: '未知的角色 {role}', en: 'Unknown role {role}' },
  USER_PHONE_INVALID: { status: 400, zh: '电话号码 {phone} 格式不正确', en: 'Phone number {phone} is not valid' },
  USER_AGENCY_AMBIGUOUS: { status: 400, zh: '有多个名为 {name} 的机构，请填写机构编号', en: 'Several agencies are named {name}; give the agency id' },
  USER_IMPORT_DUPLICATE: { status: 400, zh: '用户名 {username} 在文件中重复（第 {first} 行已出现）', en: 'Username {username} appears twice in the file (first on row {first})' },
  USER_IMPORT_COLUMNS: { status: 400, zh: '文件缺少必需的列：{columns}', en: 'The file lacks required columns: {columns}' },
  USER_IMPORT_EMPTY: { status: 400, zh: '文件中没有数据行', en: 'The file has no data rows' },
  USER_IMPORT_EXPIRED: { status: 409, zh: '该导入任务的数据已清除，请重新上传文件', en: 'The data of this import has been cleared; upload the file again' },
  TEAM_NOT_FOUND: { status: 404, zh: '工作组不存在', en: 'No such team' },
  TEAM_PAIR_INVALID: { status: 400, zh: '"1+1" 组合须由一名本地人员和一名第三方机构人员组成', en: 'A paired team is one local officer and one agency professional' },
  TEAM_MEMBER_INVALID: { status: 400, zh: '成员 {username} 不存在或不在本区划', en: 'Member {username} does not exist or is outside this region' },
  AGENCY_NOT_FOUND: { status: 404, zh: '第三方机构不存在', en: 'No such agency' },
  TEAM_AGENCY_REQUIRED: { status: 400, zh: '第三方机构团队必须指定机构', en: 'An agency team needs an agency' },
  TEAM_INSTRUCTOR_INVALID: { status: 400, zh: '指导员须为您管辖范围内的普查指导员账号', en: 'The instructor must be an instructor account within your scope' },
  AGENCY_CREDIT_CODE_INVALID: { status: 400, zh: '统一社会信用代码 {code} 不正确', en: 'Credit code {code} is not valid' },
  AGENCY_NAME_TAKEN: { status: 409, zh: '机构 {name} 已存在', en: 'Agency {name} already exists' },

  // directory: sources, merge queue, merges
  DIRECTORY_SOURCE_NOT_FOUND: { status: 404, zh: '普查对象不存在', en: 'No such source' },
  DIRECTORY_SOURCE_NOT_ACTIVE: { status: 409, zh: '该普查对象已被合并或删除', en: 'The source has been merged or deleted' },
  DIRECTORY_CREDIT_CODE_INVALID: { status: 400, zh: '统一社会信用代码 {code} 不正确：{problems}', en: 'Credit code {code} is invalid: {problems}' },
  DIRECTORY_SPLIT_ACROSS_PROVINCES: { status: 409, zh: '拆分出的普查对象将位于另一省份的区划 {code}；普查对象不跨省拆分，请由该省普查办增补', en: 'The source split off would lie in {code}, another province; sources are not split across provinces: that province\'s office adds it' },
  DIRECTORY_CREDIT_CONFLICT: { status: 409, zh: '两个对象的统一社会信用代码不同（{a} / {b}），不能合并', en: 'The two sources have different credit codes ({a} / {b}) and cannot be merged' },
  DIRECTORY_CANDIDATE_NOT_FOUND: { status: 404, zh: '待合并记录不存在', en: 'No such merge candidate' },
  DIRECTORY_CANDIDATE_DECIDED: { status: 409, zh: '该对记录已处理（{status}）', en: 'This pair has already been decided ({status})' },
  DIRECTORY_MERGE_NOT_FOUND: { status: 404, zh: '合并或拆分记录不存在', en: 'No such merge or split' },
  DIRECTORY_MERGE_UNDONE: { status: 409, zh: '该合并或拆分已撤销', en: 'This merge or split has already been undone' },
  DIRECTORY_MERGE_STALE: { status: 409, zh: '合并或拆分之后对象已有变动，请先撤销后来的合并或拆分', en: 'The sources changed after this merge or split; undo the later merges and splits first' },
  DIRECTORY_SPLIT_ROW_NOT_LINKED: { status: 400, zh: '底册 {registerId} 第 {rowNumber} 行不属于该普查对象，不能拆分', en: 'Register {registerId} row {rowNumber} is not linked to this source and cannot be split off' },
  DIRECTORY_SPLIT_NO_ROWS: { status: 400, zh: '请至少选择一条名录行进行拆分', en: 'Choose at least one register row to split off' },
  DIRECTORY_SPLIT_ALL_ROWS: { status: 400, zh: '不能拆分出全部名录行，原普查对象须至少保留一行', en: 'A split cannot take all register rows; the source must keep at least one' },
  DIRECTORY_SOURCE_NAME_EMPTY: { status: 400, zh: '单位名称不能为空', en: 'The name cannot be empty' },
  DIRECTORY_SOURCE_REGION_LEVEL: { status: 400, zh: '区划 {code} 不是县级或乡镇级区划，普查对象须落在县或乡镇', en: 'Region {code} is not a county or township; a source lies in a county or township' },
  DIRECTORY_SOURCE_REGION_COUNTY: { status: 403, zh: '不能把普查对象移出其所在县（{county}）；如需跨县调整，请由上级普查办操作', en: 'A source cannot be moved out of its county ({county}); an office above the county can do that' },
  DIRECTORY_SOURCE_REGION_PROVINCE: { status: 409, zh: '普查对象不能移到另一个省（现属 {province}）；请由那个省增补该单位，再以“重复”为由删除这里的记录', en: 'A source cannot move to another province (it is in {province}): supplement it in that province and delete this record as a duplicate' },
  DIRECTORY_SOURCE_COORDINATES: { status: 400, zh: '坐标 ({lat}, {lng}) 不在中国境内（应为 WGS-84 经纬度）', en: 'The coordinates ({lat}, {lng}) lie outside China (WGS-84 degrees expected)' },
  DIRECTORY_SOURCE_COORDINATES_PAIR: { status: 400, zh: '纬度和经度须同时填写或同时清空', en: 'Give both latitude and longitude, or clear both' },
  DIRECTORY_SOURCE_PERMIT_NO: { status: 400, zh: '排污许可证编号 {value} 格式不正确（应为 18 位统一社会信用代码 + 3 位流水号 + 1 位字母，如 91330382MA2AT5K1XX001P）', en: 'Discharge permit number {value} has the wrong form (18-character credit code, 3-digit serial and a letter, e.g. 91330382MA2AT5K1XX001P)' },

  // jobs
  JOB_NOT_FOUND: { status: 404, zh: '任务不存在', en: 'No such job' },
  JOB_NOT_CANCELLABLE: { status: 409, zh: '任务已结束，无法取消', en: 'The job has ended and cannot be cancelled' },
  JOB_NOT_RESUMABLE: { status: 409, zh: '只有失败或已取消的任务可以继续', en: 'Only a failed or cancelled job can be resumed' },

  // directory: registers (部门名录)
  REGISTER_NOT_FOUND: { status: 404, zh: '底册不存在', en: 'No such register' },
  REGISTER_DEPARTMENT_UNKNOWN: { status: 400, zh: '未知的部门 {department}', en: 'Unknown department {department}' },
  REGISTER_REGION_OUTSIDE: { status: 403, zh: '区划 {code} 不在您的管辖范围内', en: 'Region {code} lies outside your scope' },
  REGISTER_DUPLICATE_FILE: { status: 409, zh: '该文件已导入为底册 {id}（{fileName}，{date}）', en: 'This file was already imported as register {id} ({fileName}, {date})' },
  REGISTER_ENCODING: { status: 400, zh: '文件不是可识别的文本（支持 UTF-8、UTF-16、GBK/GB18030）：{detail}', en: 'The file is not readable text (UTF-8, UTF-16 or GBK/GB18030 expected): {detail}' },
  REGISTER_CSV_MALFORMED: { status: 400, zh: 'CSV 文件第 {line} 行无法解析：{detail}', en: 'Line {line} of the CSV file cannot be parsed: {detail}' },
  REGISTER_NOT_SPREADSHEET: { status: 400, zh: '文件不是可读取的 XLSX 电子表格：{detail}', en: 'The file is not a readable XLSX spreadsheet: {detail}' },
  REGISTER_EMPTY: { status: 400, zh: '文件中没有数据行', en: 'The file has no data rows' },
  REGISTER_DUPLICATE_HEADER: { status: 400, zh: '表头“{header}”出现了不止一次（第 {columns} 列）', en: 'The header "{header}" appears more than once (columns {columns})' },
  REGISTER_NO_USABLE_COLUMNS: { status: 400, zh: '找不到单位名称列，无法导入；请指定列映射。表头：{headers}', en: 'No column holds the unit name, so nothing can be imported; give a column mapping. Headers: {headers}' },
  REGISTER_MAPPING_UNKNOWN_HEADER: { status: 400, zh: '列映射中的表头“{header}”（{field}）在文件中不存在', en: 'The mapping names the header "{header}" ({field}), which the file does not have' },
  REGISTER_MAPPING_INVALID: { status: 400, zh: '列映射不正确：{detail}', en: 'The column mapping is invalid: {detail}' },
  REGISTER_MAPPING_NOT_FOUND: { status: 400, zh: '部门 {department} 没有名为“{name}”的列映射', en: 'Department {department} has no saved mapping named "{name}"' },
  REGISTER_NOT_REIMPORTABLE: { status: 409, zh: '只有导入失败或已取消的底册可以重新导入', en: 'Only a register whose import failed or was cancelled can be imported again' },
  REGISTER_BUSY: { status: 409, zh: '底册正在导入，请先取消其任务', en: 'The register is being imported; cancel its job first' },
  REGISTER_FILE_MISSING: { status: 410, zh: '底册的原始文件已不在服务器上，请重新上传', en: 'The register\'s file is no longer on the server; upload it again' },
  REGISTER_ROW_NAME_MISSING: { status: 400, zh: '单位名称为空', en: 'The unit name is empty' },
  REGISTER_ROW_CREDIT_CODE: { status: 400, zh: '统一社会信用代码 {value} 不正确：{problemZh}', en: 'Credit code {value} is not valid: {problem}' },
  REGISTER_ROW_REGION: { status: 400, zh: '行政区划代码 {value} {reasonZh}', en: 'Region code {value} {reason}' },
  REGISTER_ROW_INDUSTRY_UNKNOWN: { status: 400, zh: '行业代码 {value} 不在《国民经济行业分类》(GB/T 4754-2017) 中', en: 'Industry code {value} is not in the GB/T 4754-2017 classification' },
  REGISTER_ROW_INDUSTRY_CODE: { status: 400, zh: '行业代码 {value} 格式不正确（应为 1 个门类字母或 2–4 位数字）', en: 'Industry code {value} has the wrong form (one section letter or 2–4 digits)' },
  REGISTER_ROW_HEADER_REPEATED: { status: 400, zh: '表头在文件中再次出现（多个导出文件拼接？），此行不作为数据', en: 'The header row appears again (several exports joined?); this row is not data' },
  REGISTER_ROW_ENCODING: { status: 400, zh: '内容含有无法识别的字符（编码错误）', en: 'The cell holds characters that could not be decoded' },

  // inventory (清查)
  INVENTORY_ZONE_NOT_FOUND: { status: 404, zh: '普查小区不存在', en: 'No such census zone' },
  INVENTORY_ZONE_NOT_TOWNSHIP: { status: 400, zh: '普查小区只能划在乡镇（街道）之内，{code} 不是乡镇', en: 'A census zone lies inside a township; {code} is not one' },
  INVENTORY_PACKAGE_NOT_FOUND: { status: 404, zh: '工作包不存在', en: 'No such work package' },
  INVENTORY_PACKAGE_EMPTY: { status: 400, zh: '工作包需要一个普查小区或至少一个普查对象', en: 'A work package needs a census zone or at least one source' },
  INVENTORY_PACKAGE_CLOSED: { status: 409, zh: '工作包已关闭', en: 'The work package is closed' },
  INVENTORY_TEAM_NOT_FOUND: { status: 404, zh: '普查小组 {id} 不存在或不在您的管辖范围内', en: 'Team {id} does not exist or lies outside your scope' },
  INVENTORY_SOURCES_NOT_FOUND: { status: 404, zh: '以下普查对象不存在或不在您的管辖范围内：{ids}', en: 'These sources do not exist or lie outside your scope: {ids}' },
  INVENTORY_SOURCE_OUTSIDE_ZONE: { status: 400, zh: '普查对象 {ids} 不在小区所在的县（区）内', en: 'Sources {ids} lie outside the county of the zone' },
  INVENTORY_RECORD_NOT_FOUND: { status: 404, zh: '清查记录不存在', en: 'No such inventory record' },
  INVENTORY_NOT_IN_PACKAGE: { status: 404, zh: '普查对象 {id} 不在您的工作包中', en: 'Source {id} is not in your work package' },
  INVENTORY_STATE_UNKNOWN: { status: 400, zh: '未知的清查状态 {state}', en: 'Unknown inventory state {state}' },
  INVENTORY_STATE_REASON: { status: 400, zh: '状态“{state}”须选择原因：{reasons}', en: 'The state "{state}" needs one of the reasons: {reasons}' },
  INVENTORY_STATES_INVALID: { status: 400, zh: '清查状态设置不正确：{detail}', en: 'The inventory states are invalid: {detail}' },
  INVENTORY_DEPARTMENTS_INVALID: { status: 400, zh: '审查部门设置不正确：{detail}', en: 'The reviewing departments are invalid: {detail}' },
  INVENTORY_COORDINATES: { status: 400, zh: '坐标 ({lat}, {lng}) 不在中国境内（应为 WGS-84 经纬度）', en: 'The coordinates ({lat}, {lng}) lie outside China (WGS-84 degrees expected)' },
  INVENTORY_FIELD_INVALID: { status: 400, zh: '{field} 不正确：{detail}', en: '{field} is invalid: {detail}' },
  INVENTORY_CONFLICT: { status: 409, zh: '该记录在服务器上已被修改（版本 {server}，您的底稿是版本 {base}），请比较后选择保留哪一份', en: 'The record changed on the server (version {server}; your edit started from {base}); compare and choose which to keep' },
  INVENTORY_RECORD_LOCKED: { status: 409, zh: '记录状态为“{status}”，不能修改', en: 'The record is {status} and cannot be changed' },
  INVENTORY_WRONG_STATUS: { status: 409, zh: '记录状态为“{status}”，不能执行此操作', en: 'The record is {status}; this cannot be done now' },
  INVENTORY_CREDIT_CODE_TAKEN: { status: 409, zh: '统一社会信用代码 {code} 已属于普查对象 {id}（{name}）', en: 'Credit code {code} already belongs to source {id} ({name})' },
  INVENTORY_NO_DEPARTMENT: { status: 403, zh: '您的账号没有所属部门，不能给出部门意见', en: 'Your account has no department, so it cannot give a department verdict' },
  INVENTORY_NOT_DISPUTED: { status: 409, zh: '该记录没有部门异议，无需裁定', en: 'No department disagrees on this record; there is nothing to settle' },
  INVENTORY_PHOTO_TOO_LARGE: { status: 413, zh: '照片超过 {limit} 的上限', en: 'The photo is larger than the {limit} limit' },
  INVENTORY_PHOTO_TYPE: { status: 415, zh: '文件不是 JPEG、PNG 或 WebP 图片（按内容识别）', en: 'The file is not a JPEG, PNG or WebP image (judged by its content)' },
  INVENTORY_PHOTO_NOT_FOUND: { status: 404, zh: '照片不存在', en: 'No such photo' },
  INVENTORY_PHOTO_ID_TAKEN: { status: 409, zh: '照片编号 {id} 已用于另一份文件', en: 'Photo id {id} is already used by a different file' },

  // survey
  SURVEY_FORM_NOT_FOUND: { status: 404, zh: '报表 {code} 不存在或没有版本 {version}', en: 'There is no form {code} in version {version}' },
  SURVEY_SUBMISSION_NOT_FOUND: { status: 404, zh: '填报记录不存在', en: 'No such submission' },
  SURVEY_REVISION_NOT_FOUND: { status: 404, zh: '填报记录没有第 {rev} 版', en: 'The submission has no revision {rev}' },
  SURVEY_SOURCE_NOT_FOUND: { status: 404, zh: '普查对象 {id} 不存在或不在您的填报范围内', en: 'Source {id} does not exist or is not yours to fill' },
  SURVEY_SOURCE_NOT_SURVEYED: { status: 409, zh: '普查对象 {id} 的状态为“{state}”，不进入入户调查', en: 'Source {id} is "{state}" and does not go on to the survey' },
  SURVEY_INVALID: { status: 400, zh: '填报内容有 {count} 处结构性错误（类型、字段或报表版本），未保存', en: 'The submission has {count} structural errors (types, fields or form version); nothing was saved' },
  SURVEY_NOT_READY: { status: 422, zh: '尚有 {blocking} 处强制性错误、{unexplained} 条提示未说明，不能提交；可先保存为草稿', en: '{blocking} blocking issues and {unexplained} unexplained warnings remain, so it cannot be submitted; save it as a draft' },
  SURVEY_CONFLICT: { status: 409, zh: '该填报在服务器上已是第 {server} 版（您的底稿是第 {base} 版），请比较后再保存', en: 'The submission is at revision {server} on the server (your edit started from {base}); compare and save again' },
  SURVEY_FORM_TAKEN: { status: 409, zh: '普查对象 {sourceId} 的报表 {form} 已有填报记录 {id}，请在该记录上修改', en: 'Source {sourceId} already has a submission {id} of form {form}; edit that one' },
  SURVEY_ID_MISMATCH: { status: 409, zh: '编号 {id} 已用于另一普查对象、报表或版本的填报', en: 'Id {id} already belongs to a submission of another source, form or version' },
  SURVEY_LOCKED: { status: 409, zh: '填报状态为“{status}”，不能修改', en: 'The submission is {status} and cannot be changed' },
  SURVEY_ATTACHMENT_TYPE: { status: 415, zh: '附件不是 JPEG、PNG 图片或 PDF 文件（按内容识别）', en: 'The attachment is not a JPEG or PNG image or a PDF file (judged by its content)' },
  SURVEY_ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件超过 {limit} 的上限', en: 'The attachment is larger than the {limit} limit' },
  SURVEY_ATTACHMENT_ID_TAKEN: { status: 409, zh: '附件编号 {id} 已用于另一份文件或另一普查对象', en: 'Attachment id {id} is already used by a different file or another source' },
  SURVEY_ATTACHMENT_INVALID: { status: 400, zh: '附件的{field}不正确：{detail}', en: 'The attachment\'s {field} is wrong: {detail}' },
  SURVEY_ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'No such attachment' },
  SURVEY_ATTACHMENT_MISSING: { status: 422, zh: '答案引用的 {count} 个附件未上传到该普查对象（或类型不符），未保存', en: '{count} files the answers reference are not uploaded for this source (or differ in type); nothing was saved' },
  // 企业自填: invitation codes and the legal representative's confirmation
  INVITATION_INVALID: { status: 400, zh: '邀请码或统一社会信用代码不正确', en: 'The invitation code or the credit code is wrong' },
  INVITATION_EXPIRED: { status: 410, zh: '邀请码已过期，请向普查机构索取新的邀请码', en: 'The invitation code has expired; ask the census office for a new one' },
  INVITATION_USED: { status: 409, zh: '邀请码已使用过；请用已创建的账号登录', en: 'The invitation code has been used; log in with the account made with it' },
  INVITATION_REVOKED: { status: 410, zh: '邀请码已作废，请向普查机构索取新的邀请码', en: 'The invitation code was revoked; ask the census office for a new one' },
  INVITATION_LOCKED: { status: 429, zh: '尝试次数过多，请 {minutes} 分钟后再试', en: 'Too many attempts; try again in {minutes} minutes' },
  INVITATION_NOT_FOUND: { status: 404, zh: '邀请码记录不存在', en: 'No such invitation' },
  INVITATION_NO_CREDIT_CODE: { status: 409, zh: '普查对象 {id} 没有统一社会信用代码，不能生成邀请码；请补全代码或直接为其创建账号', en: 'Source {id} has no credit code, so no invitation can be issued; add the code or create an account for it' },
  SURVEY_CONFIRM_NOT_READY: { status: 409, zh: '尚有 {count} 张报表未提交或未通过校验，法定代表人不能确认', en: '{count} forms are not submitted or not ready, so the legal representative cannot confirm yet' },
  SURVEY_CONFIRM_CHANGED: { status: 409, zh: '报表在您核对之后已被修改，请重新核对后再确认', en: 'The forms changed after you checked them; check them again and confirm' },
  SURVEY_XLSX_INVALID: { status: 400, zh: '工作簿有 {count} 处单元格填写有误，未保存任何内容', en: 'The workbook has {count} cells in error; nothing was saved' },
  SURVEY_XLSX_TAMPERED: { status: 400, zh: '该文件不是本系统下载的报表模板，或其结构已被改动（{whyZh}），未保存任何内容', en: 'This file is not a form template downloaded from Pucha, or its structure was changed ({whyEn}); nothing was saved' },
  SURVEY_PHASE_NOT_OPEN: { status: 409, zh: '县级区划 {county} 的清查阶段尚未验收，入户调查报表暂不能提交（试点县除外）；可先保存为草稿', en: 'County {county} has not passed its inventory acceptance, so survey forms cannot be submitted there yet (pilot counties excepted); save a draft' },
  SURVEY_FIELD_LOCKED: { status: 409, zh: '只能修改审核退回时解锁的字段；以下字段已锁定：{paths}', en: 'Only the fields unlocked on return may change; these are locked: {paths}' },
  // 审核链 and 质量控制 (docs/review-api.md)
  REVIEW_NOT_YOUR_LEVEL: { status: 409, zh: '该记录正等待“{level}”审核，您不能在此环节操作', en: 'The record waits for review at the {level} level; you cannot act on it there' },
  REVIEW_NOT_WAITING: { status: 409, zh: '该记录状态为“{status}”，不在审核中', en: 'The record is {status} and is not waiting for review' },
  REVIEW_CHANGED: { status: 409, zh: '该记录在您打开之后已有变化（他人已审核或修改），请刷新后再操作', en: 'The record changed since you opened it (someone reviewed or edited it); reload and act again' },
  REVIEW_REASON_REQUIRED: { status: 400, zh: '退回或解锁须写明原因或在字段上留下意见', en: 'A rejection or an unlock needs a reason or a comment on a field' },
  REVIEW_NOT_LOCKED: { status: 409, zh: '该记录状态为“{status}”，未经审核锁定，无需解锁', en: 'The record is {status}: no approval has locked it' },
  REVIEW_PATH_UNKNOWN: { status: 400, zh: '报表 {form} 中没有字段“{path}”', en: 'Form {form} has no field "{path}"' },
  REVIEW_CHAIN_INVALID: { status: 400, zh: '审核链设置有误：{detail}', en: 'The review chain is not valid: {detail}' },
  PHASE_BLOCKED: { status: 409, zh: '{region}尚不能通过“{phase}”阶段验收：{count} 项未满足', en: '{region} cannot pass the {phase} acceptance yet: {count} conditions unmet' },
  PHASE_ACCEPTED: { status: 409, zh: '{region}的“{phase}”阶段已验收', en: '{region} has already passed the {phase} acceptance' },
  PHASE_NOT_ACCEPTED: { status: 409, zh: '{region}的“{phase}”阶段尚未验收', en: '{region} has not passed the {phase} acceptance' },
  PHASE_PARENT_ACCEPTED: { status: 409, zh: '上级{parent}已通过验收，须先撤销上级验收', en: 'The parent {parent} has passed its acceptance; revoke that first' },
  PHASE_NOT_YOURS: { status: 403, zh: '只有{region}本级普查机构可签署验收，撤销须由上级办理', en: 'Only the office of {region} itself signs its acceptance; only a level above may revoke it' },
  QC_SAMPLE_EMPTY: { status: 409, zh: '{region}没有可抽取的样本（{detail}）', en: 'Nothing to draw in {region} ({detail})' },
  QC_SAMPLE_NOT_FOUND: { status: 404, zh: '抽样记录不存在或不在您的管辖范围内', en: 'No such sample in your scope' },
  QC_ITEM_NOT_FOUND: { status: 404, zh: '样本中没有普查对象 {id}', en: 'Source {id} is not in this sample' },
  QC_NOT_COUNTY: { status: 400, zh: '抽样须针对一个县级区划，{region} 不是', en: 'A sample is drawn in one county; {region} is not one' },
  // 调度与督导 supervision (docs/supervision-api.md)
  CALENDAR_INVALID: { status: 400, zh: '普查日历有误：{detail}', en: 'The census calendar is not valid: {detail}' },
  READINESS_NOT_OWN: { status: 409, zh: '组织与保障情况由{region}本级普查机构填报', en: 'Readiness is reported by the office of {region} itself' },
  READINESS_INVALID: { status: 400, zh: '组织与保障情况有误：{detail}', en: 'The readiness report is not valid: {detail}' },
  DISPATCH_NOT_FOUND: { status: 404, zh: '调度通报不存在或不在您的管辖范围内', en: 'No such dispatch in your scope' },
  DISPATCH_PUBLISHED: { status: 409, zh: '调度通报已发布，不能再修改', en: 'The dispatch is published and can no longer change' },
  DISPATCH_NO_CHILDREN: { status: 409, zh: '{region}没有下级区划可调度', en: '{region} has no subordinate regions to dispatch' },
  BRIEFING_NOT_FOUND: { status: 404, zh: '简报不存在或不在您的管辖范围内', en: 'No such briefing in your scope' },
  BRIEFING_PUBLISHED: { status: 409, zh: '简报已发布，不能再修改', en: 'The briefing is published and can no longer change' },
  CASE_NOT_FOUND: { status: 404, zh: '督办事项不存在或不在您的管辖范围内', en: 'No such supervision case in your scope' },
  CASE_NOT_YOURS: { status: 409, zh: '此操作须由{who}办理', en: 'This must be done by {who}' },
  CASE_STATE: { status: 409, zh: '督办事项当前为“{status}”，不能{action}', en: 'The case is {status}; it cannot be {action}' },
  CASE_INVALID: { status: 400, zh: '督办事项有误：{detail}', en: 'The supervision case is not valid: {detail}' },
  CHANNEL_NOT_FOUND: { status: 404, zh: '工作群不存在或您不是其成员', en: 'No such channel, or you are not a member' },
  CHANNEL_MENTION_INVALID: { status: 400, zh: '@ 的人员不是本群成员：{ids}', en: 'Mentioned users are not members of this channel: {ids}' },
  CHANNEL_FILE_INVALID: { status: 400, zh: '附件不存在或不在您的管辖范围内：{ids}', en: 'Attached files do not exist or lie outside your scope: {ids}' },
  CHANNEL_MEMBER_INVALID: { status: 409, zh: '该用户不能加入本群：{detail}', en: 'This user cannot join the channel: {detail}' },
  CHANNEL_MEMBER_NOT_FOUND: { status: 404, zh: '该用户不是本群成员', en: 'This user is not a member of the channel' },
  WEBHOOK_NOT_FOUND: { status: 404, zh: '推送地址不存在', en: 'No such webhook' },
  WEBHOOK_INVALID: { status: 400, zh: '推送地址有误：{detail}', en: 'The webhook is not valid: {detail}' },
  SUPERVISION_FILE_TYPE: { status: 415, zh: '文件不是 JPEG、PNG、PDF、XLSX 或 DOCX（按内容识别）', en: 'The file is not a JPEG, PNG, PDF, XLSX or DOCX (judged by its content)' },
  SUPERVISION_FILE_UNSAFE: { status: 400, zh: '文件已被拒绝，因其可能危害服务器：{detail}', en: 'The file was refused as unsafe for the server: {detail}' },
  SUPERVISION_FILE_TOO_LARGE: { status: 413, zh: '文件超过 {limit} 的上限', en: 'The file is larger than the {limit} limit' },
  SUPERVISION_FILE_INVALID: { status: 400, zh: '文件的{field}不正确：{detail}', en: 'The file\'s {field} is wrong: {detail}' },
  SUPERVISION_FILE_ID_TAKEN: { status: 409, zh: '文件编号 {id} 已用于另一份文件', en: 'File id {id} is already used by a different file' },
  SUPERVISION_FILE_NOT_FOUND: { status: 404, zh: '文件不存在或不在您的管辖范围内', en: 'No such file in your scope' },
  GEO_NOT_AVAILABLE: { status: 404, zh: '{region}暂无边界底图，请以列表查看', en: 'No boundary map of {region}; see the list instead' },
  DEMO_NATIONAL_LOADED: { status: 409, zh: '全国合成普查已载入（{count} 个合成普查对象），不能重复载入', en: 'The national synthetic census is loaded already ({count} synthetic sources); it cannot be loaded twice' },
  // 门户 the public portal (docs/portal-api.md)
  PORTAL_ARTICLE_NOT_FOUND: { status: 404, zh: '文章不存在或不在您的管辖范围内', en: 'No such article in your scope' },
  PORTAL_SLUG_TAKEN: { status: 409, zh: '地址“{slug}”已被本栏目的另一篇文章使用', en: 'The address "{slug}" is already used by another article of this section' },
  PORTAL_SLUG_INVALID: { status: 422, zh: '地址只能由小写字母、数字和连字符组成（最多 80 个字符）：{slug}', en: 'An address is lower-case letters, digits and hyphens (at most 80 characters): {slug}' },
  PORTAL_TITLE_REQUIRED: { status: 422, zh: '文章须有标题（最多 200 个字符）', en: 'An article needs a title (at most 200 characters)' },
  PORTAL_NOT_EDITABLE: { status: 409, zh: '文章处于“{status}”状态，不能修改；请先撤回发布', en: 'The article is {status} and cannot be edited; unpublish it first' },
  PORTAL_BAD_TRANSITION: { status: 409, zh: '文章处于“{status}”状态，不能{action}', en: 'The article is {status}; it cannot be {action}' },
  PORTAL_OWN_ARTICLE: { status: 409, zh: '不能审核自己提交的文章，须由另一位编辑或普查办审核', en: 'You cannot approve an article you submitted; another editor or a census office must' },
  PORTAL_PUBLISH_IN_PAST: { status: 422, zh: '定时发布时间 {at} 已过；立即发布请不填时间', en: 'The scheduled time {at} has passed; to publish now, leave the time empty' },
  PORTAL_TRANSLATION_EXISTS: { status: 409, zh: '该文章已有{lang}版本（编号 {id}）', en: 'The article already has a {lang} version (id {id})' },
  PORTAL_IMAGE_TYPE: { status: 415, zh: '图片须为 JPEG、PNG 或 WebP（按内容识别）', en: 'An image must be JPEG, PNG or WebP (judged by its content)' },
  PORTAL_IMAGE_TOO_LARGE: { status: 413, zh: '图片超过 {limit} 的上限', en: 'The image is larger than the {limit} limit' },
  PORTAL_IMAGE_NOT_FOUND: { status: 404, zh: '图片不存在：{id}', en: 'No such image: {id}' },
  PORTAL_LINK_NOT_FOUND: { status: 404, zh: '链接不存在', en: 'No such link' },
  PORTAL_DATASET_NOT_FOUND: { status: 404, zh: '成果数据不存在', en: 'No such results dataset' },
  PORTAL_DATASET_EMPTY: { status: 409, zh: '{region}还没有审核通过的排放量，无法生成成果数据', en: '{region} has no approved emissions yet; no results dataset can be made' },
  PORTAL_BODY_TOO_LARGE: { status: 413, zh: '正文超过 {limit} 个字符的上限', en: 'The text is longer than the {limit}-character limit' },
  PORTAL_INVALID: { status: 422, zh: '文章内容有误：{detail}', en: 'The article is not valid: {detail}' },
  PORTAL_LINK_INVALID: { status: 422, zh: '链接地址无效（仅接受 http 或 https 地址）：{detail}', en: 'The link address is not valid (only http or https addresses): {detail}' },
  // 核算 emission accounting (docs/accounting-api.md)
  COEF_INVALID: { status: 400, zh: '系数表有 {count} 处错误，未导入任何内容', en: 'The coefficient table has {count} errors; nothing was imported' },
  COEF_VERSION_NOT_FOUND: { status: 404, zh: '系数库版本不存在', en: 'No such coefficient version' },
  COEF_IN_FORCE_CONFLICT: { status: 409, zh: '另一版本刚刚被设为现行版本，请刷新后再操作', en: 'Another version was put in force at the same moment; reload and try again' },
  COEF_FIELDS_INVALID: { status: 400, zh: '导入参数不正确：{detail}', en: 'The import fields are invalid: {detail}' },
  USER_SOURCE_INVALID: { status: 400, zh: '只有普查对象账号可关联普查对象，且该对象须在您的管辖范围内：{detail}', en: 'Only a respondent account can be linked to a source, and the source must lie in your scope: {detail}' },

  // database, translated once in core/db/pg-errors.ts
  DB_DUPLICATE: { status: 409, zh: '记录重复：{detail}', en: 'Duplicate record: {detail}' },
  DB_REFERENCE: { status: 409, zh: '引用的记录不存在或仍被引用：{detail}', en: 'A referenced record is missing or still in use: {detail}' },
  DB_CONSTRAINT: { status: 400, zh: '数据不符合约束：{detail}', en: 'The data breaks a rule: {detail}' },
  DB_INVALID_VALUE: { status: 400, zh: '数值格式不正确：{detail}', en: 'A value has the wrong format: {detail}' },
  DB_UNAVAILABLE: { status: 503, zh: '数据库暂时不可用', en: 'The database is unavailable' },
  DATA_DIR_LOCKED: { status: 409, zh: '数据目录 {dir} 正被进程 {pid} 使用', en: 'The data folder {dir} is held by process {pid}' },

  INTERNAL: { status: 500, zh: '服务器内部错误，已记录', en: 'Internal server error; it has been logged' },
  // 入河(海)排污口排查
  OUTFALL_NOT_FOUND: { status: 404, zh: '排污口不存在', en: 'No such outfall' },
  OUTFALL_REACH_NOT_FOUND: { status: 404, zh: '河段不存在', en: 'No such reach' },
  OUTFALL_REACH_EXISTS: { status: 409, zh: '{region}已有名为“{name}”的河段', en: '{region} already has a reach named "{name}"' },
  OUTFALL_IMAGE_NOT_FOUND: { status: 404, zh: '影像不存在', en: 'No such image' },
  OUTFALL_PHOTO_NOT_FOUND: { status: 404, zh: '照片不存在', en: 'No such photo' },
  OUTFALL_COORDINATES: { status: 400, zh: '坐标 ({lat}, {lng}) 不在中国境内（应为 WGS-84 经纬度）', en: 'The coordinates ({lat}, {lng}) lie outside China (WGS-84 degrees expected)' },
  OUTFALL_FIELD_INVALID: { status: 400, zh: '字段 {field} 有误：{detail}', en: 'Field {field} is not valid: {detail}' },
  OUTFALL_STATE: { status: 409, zh: '排污口当前为“{state}”状态，不能{action}', en: 'The outfall is {state}: it cannot be {action}' },
  OUTFALL_IMAGE_TYPE: { status: 415, zh: '影像须为 JPEG、PNG 或 WebP 图片', en: 'An image must be a JPEG, PNG or WebP picture' },
  OUTFALL_IMAGE_TOO_LARGE: { status: 413, zh: '影像超过 {limit} 的上限', en: 'The image is larger than the {limit} limit' },
  OUTFALL_PHOTO_TYPE: { status: 415, zh: '照片须为 JPEG、PNG 或 WebP 图片', en: 'A photo must be a JPEG, PNG or WebP picture' },
  OUTFALL_PHOTO_TOO_LARGE: { status: 413, zh: '照片超过 {limit} 的上限', en: 'The photo is larger than the {limit} limit' },
  OUTFALL_PHOTO_ID_TAKEN: { status: 409, zh: '照片编号 {id} 已用于另一张照片', en: 'Photo id {id} is already used by another photo' },
  OUTFALL_IMPORT_INVALID: { status: 400, zh: '疑似排污口文件有 {count} 处错误，未导入任何点位', en: 'The suspects file has {count} problems; nothing was imported' },
  // 伴生放射性矿
  RADIO_NOT_FOUND: { status: 404, zh: '初测名录中没有该企业', en: 'No such enterprise on the initial list' },
  RADIO_MEASUREMENT_NOT_FOUND: { status: 404, zh: '初测记录不存在', en: 'No such initial measurement' },
  RADIO_FILE_NOT_FOUND: { status: 404, zh: '原始记录文件不存在', en: 'No such original record' },
  RADIO_ALREADY_LISTED: { status: 409, zh: '{name}已在初测名录中', en: '{name} is already on the initial list' },
  RADIO_FIELD_INVALID: { status: 400, zh: '字段 {field} 有误：{detail}', en: 'Field {field} is not valid: {detail}' },
  RADIO_MEASUREMENT_INVALID: { status: 400, zh: '初测数据有误：{field}（{detail}）', en: 'The measurement is not valid: {field} ({detail})' },
  RADIO_MINERAL_UNKNOWN: { status: 400, zh: '矿种 {code} 不在普查范围内', en: 'Mineral {code} is not in the census list' },
  RADIO_STAGE: { status: 409, zh: '企业当前为“{stage}”阶段，不能{action}', en: 'The enterprise is at stage {stage}: it cannot be {action}' },
  RADIO_FILE_TYPE: { status: 415, zh: '原始记录须为 PDF、JPEG 或 PNG 文件', en: 'An original record must be a PDF, JPEG or PNG file' },
  RADIO_FILE_TOO_LARGE: { status: 413, zh: '文件超过 {limit} 的上限', en: 'The file is larger than the {limit} limit' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Extra structured detail for the client, e.g. per-row import errors. */
  readonly details?: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(formatMessage(ERRORS[code].en, params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toJSON() {
    return errorBody(this.code, this.params, this.details);
  }
}

export function formatMessage(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** The JSON body every error answers with. */
export function errorBody(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
  const spec = ERRORS[code];
  return {
    error: {
      code,
      status: spec.status,
      message: { zh: formatMessage(spec.zh, params), en: formatMessage(spec.en, params) },
      ...(details === undefined ? {} : { details }),
    },
  };
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
