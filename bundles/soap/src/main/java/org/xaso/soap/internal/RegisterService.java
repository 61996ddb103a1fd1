package org.xaso.soap.internal;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * RegisterService: the registers of the commune state-management database for agencies that speak SOAP. Searches take
 * the same criteria as the REST API (field, field.from, field.to, q, sort); values are text in canonical form.
 */
@WebService(name = "RegisterService", targetNamespace = RegisterService.NS)
public interface RegisterService {

    String NS = "urn:xaso:register:v1";

    @WebMethod
    @WebResult(name = "register")
    List<Dto.RegisterInfo> listRegisters() throws RegisterFault;

    @WebMethod
    @WebResult(name = "record")
    Dto.Record getRecord(@WebParam(name = "registerId") String registerId,
                         @WebParam(name = "communeCode") String communeCode,
                         @WebParam(name = "id") String id) throws RegisterFault;

    @WebMethod
    @WebResult(name = "result")
    Dto.SearchResult searchRecords(@WebParam(name = "registerId") String registerId,
                                   @WebParam(name = "communeCode") String communeCode,
                                   @WebParam(name = "criterion") List<Dto.Criterion> criteria,
                                   @WebParam(name = "limit") Integer limit,
                                   @WebParam(name = "offset") Integer offset) throws RegisterFault;

    @WebMethod
    @WebResult(name = "record")
    Dto.Record createRecord(@WebParam(name = "registerId") String registerId,
                            @WebParam(name = "communeCode") String communeCode,
                            @WebParam(name = "field") List<Dto.FieldValue> fields) throws RegisterFault;

    @WebMethod
    @WebResult(name = "record")
    Dto.Record updateRecord(@WebParam(name = "registerId") String registerId,
                            @WebParam(name = "communeCode") String communeCode,
                            @WebParam(name = "id") String id,
                            @WebParam(name = "version") long version,
                            @WebParam(name = "field") List<Dto.FieldValue> fields) throws RegisterFault;
}
