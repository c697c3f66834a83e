/** 草稿检查 page. */
export default {
  zh: {
    check: {
      title: '草稿检查',
      intro: '上传年报草稿（.docx、.html、.txt），在浏览器内解析并按官方格式重绘表格、运行勾稽校验。文件不会上传到任何服务器。',
      drop: '将文件拖到此处，或点击选择文件',
      accept: '支持 .docx、.pdf（有文字层）、.html、.htm、.txt',
      reading: '正在解析 {name}…',
      failed: '无法读取文件 {name}：{reason}',
      meta: '识别结果',
      unit: '单位', year: '年度', format: '识别格式', claimed: '声明格式', rendering: '版式', encoding: '编码',
      cells: '识别单元格', periodYear: '统计期限年度', sections: '找到的章节', traditional: '繁体已转简体',
      summary: '{errors} 个错误，{warnings} 个警告，{infos} 个提示',
      none: '未找到',
      noTables: '未识别出国家统一格式的表格，无法重绘。',
      privacy: '文件仅在本机浏览器中处理。',
    },
  },
  en: {
    check: {
      title: 'Draft check',
      intro: 'Upload a draft report (.docx, .html, .txt): it is parsed in your browser, its tables redrawn in the official layout and checked. The file is never sent to any server.',
      drop: 'Drop a file here, or click to choose',
      accept: '.docx, .pdf (with a text layer), .html, .htm, .txt',
      reading: 'Reading {name}…',
      failed: 'Could not read {name}: {reason}',
      meta: 'Detected',
      unit: 'Unit', year: 'Year', format: 'Detected format', claimed: 'Cited format', rendering: 'Layout', encoding: 'Encoding',
      cells: 'Cells located', periodYear: 'Reporting-period year', sections: 'Sections found', traditional: 'Traditional script converted',
      summary: '{errors} errors, {warnings} warnings, {infos} hints',
      none: 'not found',
      noTables: 'No national-format tables were recognised, so there is nothing to redraw.',
      privacy: 'The file is processed only in this browser.',
    },
  },
}
