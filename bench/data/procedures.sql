-- Benchmark 4 only: 1,987 more procedures in the bench database, 2,025 with the demo's 38 (never in the product).
-- Names are made of real Vietnamese administrative verbs, subjects and qualifiers, spread over 24 fields; the
-- other columns are copied from the 38 real procedures in turn (fees, components, eForm, legal basis, levels).
-- name_folded, name_words and all_words are folded as the application's TextNormalizer does (lower case,
-- unaccent, đ -> d, non-alphanumerics to spaces).
create temporary table bench_field (code text, name text, subjects text[]) on commit drop;
insert into bench_field values
 ('xay-dung-b', 'Hoạt động xây dựng', array['giấy phép xây dựng nhà ở riêng lẻ','giấy phép xây dựng công trình','giấy phép sửa chữa, cải tạo công trình','giấy phép di dời công trình','chứng chỉ hành nghề hoạt động xây dựng','chứng chỉ năng lực hoạt động xây dựng']),
 ('dat-dai-b', 'Đất đai', array['giấy chứng nhận quyền sử dụng đất','quyền sở hữu nhà ở và tài sản gắn liền với đất','chuyển mục đích sử dụng đất','tách thửa, hợp thửa đất','biến động đất đai','giao đất, cho thuê đất']),
 ('giao-thong-b', 'Đường bộ', array['giấy phép lái xe','giấy đăng ký xe mô tô, xe gắn máy','biển số xe','giấy phép kinh doanh vận tải bằng xe ô tô','phù hiệu xe taxi','giấy phép lưu hành xe quá tải trọng']),
 ('y-te-b', 'Khám bệnh, chữa bệnh', array['giấy phép hoạt động khám bệnh, chữa bệnh','chứng chỉ hành nghề khám bệnh, chữa bệnh','giấy chứng nhận đủ điều kiện kinh doanh dược','chứng chỉ hành nghề dược','giấy chứng nhận bài thuốc gia truyền']),
 ('an-toan-thuc-pham-b', 'An toàn thực phẩm', array['giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm','bản tự công bố sản phẩm thực phẩm','giấy xác nhận nội dung quảng cáo thực phẩm','giấy xác nhận kiến thức về an toàn thực phẩm']),
 ('moi-truong-b', 'Môi trường', array['giấy phép môi trường','kế hoạch bảo vệ môi trường','báo cáo đánh giá tác động môi trường','giấy phép xả nước thải vào nguồn nước','giấy phép khai thác nước dưới đất']),
 ('doanh-nghiep-b', 'Thành lập và hoạt động của doanh nghiệp', array['giấy chứng nhận đăng ký doanh nghiệp','giấy chứng nhận đăng ký hoạt động chi nhánh','văn phòng đại diện','địa điểm kinh doanh','giấy chứng nhận đăng ký đầu tư']),
 ('hop-tac-xa-b', 'Thành lập và hoạt động của hợp tác xã', array['giấy chứng nhận đăng ký hợp tác xã','liên hiệp hợp tác xã','tổ hợp tác','chi nhánh hợp tác xã']),
 ('cong-thuong-b', 'Lưu thông hàng hóa trong nước', array['giấy phép bán lẻ rượu','giấy phép bán lẻ sản phẩm thuốc lá','giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu','giấy phép kinh doanh khí','giấy phép sản xuất rượu thủ công']),
 ('lao-dong-b', 'Việc làm', array['trợ cấp thất nghiệp','giấy phép lao động cho người nước ngoài','hỗ trợ học nghề','giấy phép hoạt động dịch vụ việc làm','báo cáo sử dụng lao động']),
 ('bao-tro-xa-hoi-b', 'Bảo trợ xã hội', array['trợ cấp xã hội hằng tháng','hỗ trợ kinh phí chăm sóc đối tượng bảo trợ xã hội','trợ giúp xã hội khẩn cấp','hỗ trợ chi phí mai táng','xác định mức độ khuyết tật']),
 ('nguoi-co-cong-b', 'Người có công', array['chế độ ưu đãi người có công với cách mạng','trợ cấp thờ cúng liệt sĩ','giấy chứng nhận thương binh','chế độ mai táng phí người có công','bảo hiểm y tế cho người có công']),
 ('giao-duc-b', 'Giáo dục và đào tạo', array['bằng tốt nghiệp trung học cơ sở','giấy chứng nhận hoàn thành chương trình tiểu học','cho phép trường mầm non hoạt động giáo dục','chuyển trường đối với học sinh trung học','học bổng chính sách']),
 ('van-hoa-b', 'Văn hóa', array['giấy phép tổ chức lễ hội','giấy phép kinh doanh karaoke','giấy phép tổ chức biểu diễn nghệ thuật','danh hiệu gia đình văn hóa','giấy phép thành lập thư viện']),
 ('nong-nghiep-b', 'Trồng trọt và bảo vệ thực vật', array['giấy chứng nhận đủ điều kiện buôn bán phân bón','giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật','mã số vùng trồng','giống cây trồng','hỗ trợ khôi phục sản xuất do thiên tai']),
 ('thu-y-b', 'Thú y', array['giấy chứng nhận kiểm dịch động vật','chứng chỉ hành nghề thú y','giấy chứng nhận cơ sở an toàn dịch bệnh động vật','giấy chứng nhận đủ điều kiện vệ sinh thú y']),
 ('lam-nghiep-b', 'Lâm nghiệp', array['hồ sơ lâm sản','giấy phép khai thác gỗ rừng trồng','phương án quản lý rừng bền vững','trồng rừng thay thế']),
 ('thuy-loi-b', 'Thủy lợi', array['giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi','phương án ứng phó thiên tai','giấy phép xả nước thải vào công trình thủy lợi']),
 ('tai-chinh-b', 'Quản lý công sản', array['thanh lý tài sản công','điều chuyển tài sản công','quyết định giao tài sản','định giá tài sản']),
 ('noi-vu-b', 'Tôn giáo, tín ngưỡng', array['sinh hoạt tôn giáo tập trung','đăng ký người vào tu','hoạt động tín ngưỡng','sửa chữa, cải tạo cơ sở tín ngưỡng']),
 ('thi-dua-b', 'Thi đua, khen thưởng', array['giấy khen của Chủ tịch Ủy ban nhân dân cấp xã','danh hiệu lao động tiên tiến','danh hiệu chiến sĩ thi đua cơ sở','bằng khen của Chủ tịch Ủy ban nhân dân tỉnh']),
 ('tu-phap-b', 'Hòa giải ở cơ sở', array['công nhận hòa giải viên','thôi làm hòa giải viên','thanh toán thù lao cho hòa giải viên','bầu tổ trưởng tổ hòa giải']),
 ('thue-b', 'Thuế', array['mã số thuế','hoàn thuế giá trị gia tăng','miễn, giảm tiền thuê đất','gia hạn nộp thuế','lệ phí trước bạ nhà, đất']),
 ('nuoc-ngoai-b', 'Lãnh sự', array['hợp pháp hóa lãnh sự giấy tờ','chứng nhận lãnh sự giấy tờ','giấy miễn thị thực','thẻ tạm trú cho người nước ngoài']);

create temporary table bench_verb (verb text, n int) on commit drop;
insert into bench_verb values ('Cấp', 1), ('Cấp lại', 2), ('Cấp đổi', 3), ('Điều chỉnh', 4), ('Gia hạn', 5),
 ('Đăng ký', 6), ('Thu hồi', 7), ('Xác nhận', 8), ('Thẩm định', 9), ('Phê duyệt', 10), ('Công nhận', 11),
 ('Thay đổi nội dung', 12), ('Chấm dứt hoạt động', 13), ('Bổ sung', 14), ('Giải quyết', 15);

create temporary table bench_qual (qual text, n int) on commit drop;
insert into bench_qual values ('', 1), ('cho tổ chức', 2), ('cho cá nhân', 3),
 ('trong trường hợp bị mất, hư hỏng', 4), ('đối với người nước ngoài', 5), ('thực hiện tại cấp xã', 6),
 ('thực hiện tại cấp huyện', 7), ('thực hiện tại cấp tỉnh', 8), ('do thay đổi thông tin', 9);

insert into procedure_field (code, name, name_en, name_folded)
select code, name, null, trim(regexp_replace(lower(unaccent(name)), '[^a-z0-9]+', ' ', 'g')) from bench_field
on conflict (code) do nothing;

create temporary table bench_template on commit drop as
select row_number() over (order by code) - 1 as k, * from procedure where code not like '9.%';

with combos as (
  select f.code as field_code, f.name as field_name, v.verb, s.subject, q.qual,
         row_number() over (order by md5(f.code || v.verb || s.subject || q.qual)) as i
  from bench_field f cross join lateral unnest(f.subjects) s(subject) cross join bench_verb v cross join bench_qual q
), chosen as (
  select c.*, trim(c.verb || ' ' || c.subject || case when c.qual = '' then '' else ' ' || c.qual end) as name
  from combos c where c.i <= 1987
), folded as (
  select c.*, t.levels, t.agency_patterns, t.time_amount, t.time_unit, t.time_text, t.fees, t.components,
         t.online_level, t.legal_basis, t.form_schema, t.implementing_agency,
         format('9.%s', lpad(c.i::text, 6, '0')) as code,
         regexp_split_to_array(trim(regexp_replace(lower(unaccent(c.name)), '[^a-z0-9]+', ' ', 'g')), ' ') as nw,
         regexp_split_to_array(trim(regexp_replace(lower(unaccent(
             c.field_name || ' ' || c.subject || ' ' || coalesce(t.implementing_agency, '') || ' '
             || (select coalesce(string_agg(x->>'name', ' '), '') from jsonb_array_elements(t.components) x))),
             '[^a-z0-9]+', ' ', 'g')), ' ') as extra
  from chosen c join bench_template t on t.k = c.i % (select count(*) from bench_template)
)
insert into procedure (code, national_code, code_status, name, field_code, levels, agency_patterns,
    implementing_agency, time_amount, time_unit, time_text, fees, components, result, online_level, legal_basis,
    form_schema, notes, popularity, name_folded, name_words, all_words)
select code, null, 'BENCH', name, field_code, levels, agency_patterns, implementing_agency, time_amount, time_unit,
       time_text, fees, components, initcap(left(subject, 1)) || substr(subject, 2), online_level, legal_basis,
       form_schema, 'Thủ tục sinh ra cho đo hiệu năng (benchmark 4), không có thật.', (abs(hashtext(code)) % 500),
       array_to_string(nw, ' '),
       array(select w from unnest(nw) with ordinality u(w, o) group by w order by min(o)),
       array(select w from unnest(nw || extra || regexp_split_to_array(replace(code, '.', ' '), ' '))
             with ordinality u(w, o) where w <> '' group by w order by min(o))
from folded
on conflict (code) do nothing;
